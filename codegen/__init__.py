"""The checkout's short name for the generator: `python -m codegen ...` runs `ticketing_codegen`.

Only in a checkout, for the commands the project's own docs and habits use; neither distribution ships it,
because the import name `codegen` belongs to an unrelated project on PyPI (the decision is recorded in
pyproject.toml).
"""
