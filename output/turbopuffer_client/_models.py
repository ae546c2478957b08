"""The base class of every generated response model.

Models keep keys the spec does not declare (a row's attributes, `$dist`) and read
them by their wire names with `model["key"]`. They build their pydantic schema on
first use instead of at import, which keeps `import` fast for packages with many models.
"""

from __future__ import annotations

from typing import Any

import pydantic

__all__ = ["Model"]


class Model(pydantic.BaseModel):
    """A response object: fields by Python name, every key by wire name with `[...]`."""

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        protected_namespaces=(),
    )

    def __getitem__(self, key: str) -> Any:
        """Return the value of a key as the server sent it, declared or not."""
        extra = self.__pydantic_extra__
        if extra is not None and key in extra:
            return extra[key]
        name = _field_names_by_alias(type(self)).get(key)
        if name is None:
            raise KeyError(key)
        return getattr(self, name)

    def __contains__(self, key: object) -> bool:
        try:
            self[str(key)]
        except KeyError:
            return False
        return True

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def to_dict(self) -> dict[str, Any]:
        """Return the object as JSON-compatible data with wire names, leaving out unset fields."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, exclude_unset=True)


_wire_names: dict[type[pydantic.BaseModel], dict[str, str]] = {}


def _field_names_by_alias(model: type[pydantic.BaseModel]) -> dict[str, str]:
    names = _wire_names.get(model)
    if names is None:
        names = {
            (info.alias or name): name for name, info in model.model_fields.items()
        }
        _wire_names[model] = names
    return names
