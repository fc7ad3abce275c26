import sys

from ticketing_codegen.__main__ import main

sys.exit(main(prog="python -m codegen"))
