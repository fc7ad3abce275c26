# Generated from endpoints.yaml (sha256 acb6db7dbac0fb3dd0e894ecc00433c1a7b6a80c15c00f18f49705899814670c) by `ticketing-codegen generate`. Do not edit.
"""A submodule imported on first use, for the parts of a package that cost its import the most.

`models = LazyModule(f"{__package__}.models")` gives a module object at once; the real module is
imported (under the import lock, so threads are safe) the first time one of its names is read, and
its names are then copied in, so that later reads are ordinary module lookups. Annotations written as
`models.Cart` therefore still resolve with `typing.get_type_hints`, and to the real classes.
"""

from __future__ import annotations

import importlib
import types
from typing import Any


class LazyModule(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        # Only called for names not copied in yet: the first read, or a name the module lacks.
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, name)
