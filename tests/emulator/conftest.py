"""The emulator tests use the project's pytest plugin (`ticketing_emulator.pytest_plugin`, installed with the
project through its `pytest11` entry point): `ticketing_emulator`, and `emulator` reset for each test; and
`emulated_oneticket` / `emulated_paciolan` (tests/conftest.py), a client of each vendor pointed at it.
"""
