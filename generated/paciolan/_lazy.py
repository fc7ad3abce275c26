# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""A submodule imported on first use, for the parts of a package that cost its import the most.

`models = LazyModule(f"{__package__}.models")` gives a module object at once; the real module is
imported (under the import lock, so threads are safe) the first time one of its names is read, its
names are then copied in, and it becomes a plain module, so that later reads are ordinary module
lookups. Annotations written as `models.Cart` therefore still resolve with `typing.get_type_hints`,
and to the real classes.
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
        # A plain module from now on: a class defining `__getattr__` makes every attribute read go
        # through a slower hook (about 50 ns, on each call of an operation that names its endpoint).
        self.__class__ = types.ModuleType  # type: ignore[assignment]  # (a module may change class)
        return getattr(module, name)
