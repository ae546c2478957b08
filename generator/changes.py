"""Compare two surfaces of a package and report what changed for code that calls it.

Every difference becomes a `Change` marked breaking or compatible, with the reason.
Whether a type change breaks callers depends on which way values flow. Code passes
arguments and request types in, so a wider type is compatible and a narrower one
breaks calls. Code reads return values and response models, so there a narrower type
is compatible and a wider one can hand it values it does not handle. A type used both
ways breaks callers when it changes in either direction.

A report decides the next version: major when anything breaks, minor when something
was added, patch otherwise.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from generator.shapes import Shape, TypeDelta, compare_shapes, format_shape
from generator.surface import (
    ArgumentSurface,
    ClassSurface,
    FieldSurface,
    MethodSurface,
    Surface,
    TypeSurface,
    Usage,
)

logger = logging.getLogger(__name__)

Bump = Literal["major", "minor", "patch"]

# Two types longer than this together are not spelled out in a summary.
_MAX_SPAN = 160
_KIND_NAMES = {"model": "response model", "typeddict": "TypedDict", "alias": "type alias"}


@dataclass(frozen=True)
class Change:
    """One difference in the public surface.

    `subject` is what changed, as a caller writes it: `Namespace.query()`,
    `Namespace.query(rank_by)`, `RankBy` or `NamespaceMetadata.encryption`. `addition`
    marks compatible changes that give callers something new, which bump the minor
    version.
    """

    subject: str
    summary: str
    breaking: bool
    reason: str
    addition: bool = False

    @property
    def verdict(self) -> str:
        return "breaking" if self.breaking else "compatible"


@dataclass(frozen=True)
class ChangeReport:
    """The changes between a stored surface and a new one, breaking ones first."""

    changes: tuple[Change, ...] = ()

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.breaking)

    @property
    def compatible(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if not change.breaking)

    @property
    def bump(self) -> Bump | None:
        """The version bump the changes call for; None when there are none."""
        if not self.changes:
            return None
        if self.breaking:
            return "major"
        if any(change.addition for change in self.changes):
            return "minor"
        return "patch"


def compare_surfaces(old: Surface, new: Surface) -> ChangeReport:
    """List every difference between two surfaces of one package."""
    comparer = _Comparer(_expansions(old), _expansions(new))
    changes = [
        *comparer.classes(old["classes"], new["classes"]),
        *comparer.types(old["types"], new["types"]),
    ]
    changes.sort(key=lambda change: not change.breaking)
    logger.debug("%d changes since version %s", len(changes), old["version"])
    return ChangeReport(tuple(changes))


def code(text: str) -> str:
    """Quote text as Markdown inline code, with a wider fence when it contains a backtick."""
    if "`" in text:
        return f"`` {text} ``"
    return f"`{text}`"


def _expansions(surface: Surface) -> dict[str, Shape]:
    """Map each alias and TypedDict name to what it stands for, for `compare_shapes`."""
    expansions: dict[str, Shape] = {}
    for name, entry in surface["types"].items():
        if entry["kind"] == "alias":
            expansions[name] = entry["type"]
        elif entry["kind"] == "typeddict":
            # Two TypedDicts with the same keys accept the same dicts, whatever their names.
            expansions[name] = "TypedDict" + json.dumps(entry["fields"], sort_keys=True)
    return expansions


class _Comparer:
    def __init__(self, old_expansions: dict[str, Shape], new_expansions: dict[str, Shape]) -> None:
        self.old_expansions = old_expansions
        self.new_expansions = new_expansions

    # --- classes and methods -------------------------------------------------------

    def classes(
        self, old: dict[str, ClassSurface], new: dict[str, ClassSurface]
    ) -> Iterator[Change]:
        for name in sorted(old.keys() - new.keys()):
            yield Change(name, "class removed", True, "code that uses the class fails")
        for name in sorted(new.keys() - old.keys()):
            yield Change(name, "class added", False, "nothing that existed changed", addition=True)
        for name in sorted(old.keys() & new.keys()):
            yield from self._constructor(name, old[name], new[name])
            yield from self._methods(name, old[name]["methods"], new[name]["methods"])

    def _constructor(self, name: str, old: ClassSurface, new: ClassSurface) -> Iterator[Change]:
        yield from self._arguments(name, old.get("arguments", []), new.get("arguments", []))

        old_environment = old.get("environment", {})
        new_environment = new.get("environment", {})
        for option in sorted(old_environment.keys() | new_environment.keys()):
            before, after = old_environment.get(option), new_environment.get(option)
            if before == after:
                continue
            if before is None:
                yield Change(
                    f"{name}()",
                    f"reads {code(option)} from ${after}",
                    False,
                    "setups that do not set the variable are unaffected",
                    addition=True,
                )
            elif after is None:
                yield Change(
                    f"{name}()",
                    f"no longer reads {code(option)} from ${before}",
                    True,
                    f"setups that rely on ${before} stop working",
                )
            else:
                yield Change(
                    f"{name}()",
                    f"reads {code(option)} from ${after}, not ${before}",
                    True,
                    f"setups that rely on ${before} stop working",
                )

    def _methods(
        self, owner: str, old: dict[str, MethodSurface], new: dict[str, MethodSurface]
    ) -> Iterator[Change]:
        removed = sorted(old.keys() - new.keys())
        added = sorted(new.keys() - old.keys())
        renamed = _renamed_methods(removed, added, old, new)

        for old_name, new_name in renamed.items():
            yield Change(
                f"{owner}.{old_name}()",
                f"method renamed to {code(f'{owner}.{new_name}()')}",
                True,
                "calls by the old name raise AttributeError",
            )
        for name in removed:
            if name not in renamed:
                yield Change(
                    f"{owner}.{name}()",
                    _with_http("method removed", old[name]),
                    True,
                    "calls to it raise AttributeError",
                )
        for name in added:
            if name not in renamed.values():
                yield Change(
                    f"{owner}.{name}()",
                    _with_http("method added", new[name]),
                    False,
                    "existing calls are unaffected",
                    addition=True,
                )
        common = [(name, name) for name in sorted(old.keys() & new.keys())]
        for old_name, new_name in [*common, *renamed.items()]:
            yield from self._method(f"{owner}.{new_name}", old[old_name], new[new_name])

    def _method(self, subject: str, old: MethodSurface, new: MethodSurface) -> Iterator[Change]:
        before, after = old.get("http"), new.get("http")
        if before and after and before != after:
            yield Change(
                f"{subject}()",
                f"moved from {code(before)} to {code(after)}",
                False,
                "the method keeps its name and arguments, so calls are unchanged",
            )
        yield from self._arguments(subject, old["arguments"], new["arguments"])
        delta = self._delta(old["returns"], new["returns"])
        yield from _type_changes(
            f"{subject}()", "return type", old["returns"], new["returns"], delta, "response"
        )

    def _arguments(
        self, call: str, old: list[ArgumentSurface], new: list[ArgumentSurface]
    ) -> Iterator[Change]:
        old_by_name = {argument["name"]: argument for argument in old}
        new_by_name = {argument["name"]: argument for argument in new}
        removed = [name for name in old_by_name if name not in new_by_name]
        added = [name for name in new_by_name if name not in old_by_name]
        renamed = _renamed_arguments(removed, added, old_by_name, new_by_name)

        for old_name, new_name in renamed.items():
            yield Change(
                f"{call}({old_name})",
                f"argument renamed to {code(new_name)}",
                True,
                f"calls that pass {code(old_name + '=')} fail with TypeError",
            )
        for name in removed:
            if name not in renamed:
                yield Change(
                    f"{call}({name})",
                    "argument removed",
                    True,
                    "calls that pass it fail with TypeError",
                )
        for name in added:
            if name not in renamed.values():
                yield _added_argument(f"{call}({name})", new_by_name[name])
        yield from _positional_changes(call, old, new, renamed)

        common = [(name, name) for name in old_by_name if name in new_by_name]
        for old_name, new_name in [*common, *renamed.items()]:
            yield from self._argument(
                f"{call}({new_name})", old_by_name[old_name], new_by_name[new_name]
            )

    def _argument(
        self, subject: str, old: ArgumentSurface, new: ArgumentSurface
    ) -> Iterator[Change]:
        if old["required"] and not new["required"]:
            yield Change(subject, "argument made optional", False, "calls that pass it still work")
        if new["required"] and not old["required"]:
            yield Change(
                subject,
                "argument made required",
                True,
                "calls that leave it out fail with TypeError",
            )
        delta = self._delta(old["type"], new["type"])
        yield from _type_changes(subject, "type", old["type"], new["type"], delta, "request")

    # --- types -----------------------------------------------------------------------

    def types(self, old: dict[str, TypeSurface], new: dict[str, TypeSurface]) -> Iterator[Change]:
        for name in sorted(old.keys() - new.keys()):
            yield Change(
                name, f"{_describe_kind(old[name])} removed", True, "imports and uses of it fail"
            )
        for name in sorted(new.keys() - old.keys()):
            yield Change(
                name,
                f"{_describe_kind(new[name])} added",
                False,
                "nothing that existed changed",
                addition=True,
            )
        for name in sorted(old.keys() & new.keys()):
            yield from self._type(name, old[name], new[name])

    def _type(self, name: str, old: TypeSurface, new: TypeSurface) -> Iterator[Change]:
        if old["kind"] != new["kind"]:
            summary = f"changed from a {_describe_kind(old)} to a {_describe_kind(new)}"
            yield Change(
                name,
                f"{summary}: {_describe_body(new)}",
                True,
                f"code written for a {_KIND_NAMES[old['kind']]} no longer type-checks",
            )
            return

        usage = _usage_of(old, new)
        if "type" in old and "type" in new:
            delta = self._delta(old["type"], new["type"])
            yield from _type_changes(name, "aliased type", old["type"], new["type"], delta, usage)
        if old.get("discriminator") != new.get("discriminator"):
            yield Change(
                name,
                f"discriminator changed from {code(str(old.get('discriminator')))} "
                f"to {code(str(new.get('discriminator')))}",
                True,
                "values are told apart by another key",
            )
        if old["kind"] == "typeddict":
            yield from self._keys(name, old.get("fields", {}), new.get("fields", {}))
        else:
            yield from self._attributes(name, old.get("fields", {}), new.get("fields", {}))

    def _attributes(
        self, owner: str, old: dict[str, FieldSurface], new: dict[str, FieldSurface]
    ) -> Iterator[Change]:
        """Changes to the fields of a response model, which callers read."""
        for name in [name for name in old if name not in new]:
            yield Change(f"{owner}.{name}", "field removed", True, "reads of the attribute fail")
        for name in [name for name in new if name not in old]:
            yield Change(
                f"{owner}.{name}",
                "field added",
                False,
                "existing reads are unaffected",
                addition=True,
            )
        for name in [name for name in old if name in new]:
            # A field that became optional gains `None` in its type, reported as a widening.
            delta = self._delta(old[name]["type"], new[name]["type"])
            yield from _type_changes(
                f"{owner}.{name}", "type", old[name]["type"], new[name]["type"], delta, "response"
            )

    def _keys(
        self, owner: str, old: dict[str, FieldSurface], new: dict[str, FieldSurface]
    ) -> Iterator[Change]:
        """Changes to the keys of a request TypedDict, which callers fill in."""
        for name in [name for name in old if name not in new]:
            yield Change(
                f"{owner}.{name}", "key removed", True, "dicts that set the key fail type checks"
            )
        for name in [name for name in new if name not in old]:
            if new[name]["required"]:
                yield Change(
                    f"{owner}.{name}",
                    "required key added",
                    True,
                    "dicts without the key fail type checks",
                )
            else:
                yield Change(
                    f"{owner}.{name}",
                    "optional key added",
                    False,
                    "existing dicts need not set it",
                    addition=True,
                )
        for name in [name for name in old if name in new]:
            subject = f"{owner}.{name}"
            if old[name]["required"] and not new[name]["required"]:
                yield Change(
                    subject, "key made optional", False, "dicts that set it still type-check"
                )
            if new[name]["required"] and not old[name]["required"]:
                yield Change(
                    subject, "key made required", True, "dicts without the key fail type checks"
                )
            delta = self._delta(old[name]["type"], new[name]["type"])
            yield from _type_changes(
                subject, "type", old[name]["type"], new[name]["type"], delta, "request"
            )

    def _delta(self, old: Shape, new: Shape) -> TypeDelta:
        return compare_shapes(
            old, new, old_expansions=self.old_expansions, new_expansions=self.new_expansions
        )


# --- type changes --------------------------------------------------------------------


def _type_changes(
    subject: str, what: str, old: Shape, new: Shape, delta: TypeDelta, usage: Usage
) -> Iterator[Change]:
    """Changes for one type difference, judged by which way its values flow."""
    before, after = format_shape(old), format_shape(new)
    relation = delta.relation
    if relation == "same":
        if delta.respelled:
            yield Change(
                subject,
                f"{what} written {code(after)}, was {code(before)}",
                False,
                "both admit the same values",
            )
        return
    if relation == "changed":
        yield Change(
            subject,
            f"{what} changed from {code(before)} to {code(after)}",
            True,
            _changed_reason(usage),
        )
        return

    if relation in ("narrowed", "mixed"):
        summary = f"{what} narrowed{_span(before, after)}{_listing('without', delta.lost, before)}"
        yield Change(subject, summary, usage != "response", _narrowed_reason(usage))
    if relation in ("widened", "mixed"):
        summary = f"{what} widened{_span(before, after)}{_listing('with', delta.gained, after)}"
        breaking = usage != "request"
        yield Change(subject, summary, breaking, _widened_reason(usage), addition=not breaking)
    for old_name, new_name in delta.equivalents:
        yield Change(
            subject,
            f"{what} names {code(new_name)} where it named {code(old_name)}",
            False,
            "both names stand for the same type, so the same values fit",
        )


def _span(before: str, after: str) -> str:
    """Spell " from `A` to `B`", or nothing for long types, whose listed variants suffice."""
    if len(before) + len(after) > _MAX_SPAN:
        return ""
    return f" from {code(before)} to {code(after)}"


def _listing(word: str, names: tuple[str, ...], whole: str) -> str:
    """Spell ", with `X`, `Y`" for the variants that changed, unless that is the whole type."""
    if not names or names == (whole,):
        return ""
    return f", {word} " + ", ".join(code(name) for name in names)


def _narrowed_reason(usage: Usage) -> str:
    if usage == "response":
        return "every value it can hold now was possible before"
    return "calls that pass a value it no longer admits fail type checks"


def _widened_reason(usage: Usage) -> str:
    if usage == "request":
        return "every value accepted before is still accepted"
    if usage == "both":
        return (
            "responses use the type too, so code that handles every value must handle the new ones"
        )
    return "code that handles every value must handle the new ones"


def _changed_reason(usage: Usage) -> str:
    if usage == "request":
        return "values of the old type are no longer accepted"
    return "code written for the old type no longer type-checks"


def _usage_of(old: TypeSurface, new: TypeSurface) -> Usage:
    usages = {old["used_in"], new["used_in"]}
    return usages.pop() if len(usages) == 1 else "both"


# --- arguments and renames -----------------------------------------------------------


def _added_argument(subject: str, argument: ArgumentSurface) -> Change:
    if argument["required"]:
        return Change(
            subject, "required argument added", True, "calls without it fail with TypeError"
        )
    return Change(
        subject, "optional argument added", False, "existing calls do not pass it", addition=True
    )


def _renamed_methods(
    removed: list[str],
    added: list[str],
    old: dict[str, MethodSurface],
    new: dict[str, MethodSurface],
) -> dict[str, str]:
    """Pairs of a removed and an added method that send the same HTTP request."""
    renamed = {}
    for old_name in removed:
        http = old[old_name].get("http")
        matches = [name for name in added if http and new[name].get("http") == http]
        if len(matches) == 1:
            renamed[old_name] = matches[0]
    return renamed


def _renamed_arguments(
    removed: list[str],
    added: list[str],
    old: dict[str, ArgumentSurface],
    new: dict[str, ArgumentSurface],
) -> dict[str, str]:
    """Pairs of a removed and an added argument that are one argument under a new name.

    They pair when they send the same wire name, or else when exactly one added
    argument has the removed one's type, required-ness and kind.
    """
    renamed: dict[str, str] = {}
    for old_name in removed:
        candidates = [name for name in added if name not in renamed.values()]
        same_wire = [name for name in candidates if _wire(new[name]) == _wire(old[old_name])]
        same_role = [name for name in candidates if _role(new[name]) == _role(old[old_name])]
        if len(same_wire) == 1:
            renamed[old_name] = same_wire[0]
        elif len(same_role) == 1:
            renamed[old_name] = same_role[0]
    return renamed


def _wire(argument: ArgumentSurface) -> str:
    return argument.get("wire", argument["name"])


def _role(argument: ArgumentSurface) -> tuple[str, bool, bool]:
    return format_shape(argument["type"]), argument["required"], argument.get("positional", False)


def _positional_changes(
    call: str, old: list[ArgumentSurface], new: list[ArgumentSurface], renamed: dict[str, str]
) -> Iterator[Change]:
    """Report a change in which arguments are taken by position, or in their order.

    Renamed arguments count under their new names, because the rename has its own entry.
    """
    old_positional = [argument["name"] for argument in old if argument.get("positional")]
    new_positional = [argument["name"] for argument in new if argument.get("positional")]
    if [renamed.get(name, name) for name in old_positional] == new_positional:
        return
    before = ", ".join(old_positional) or "none"
    after = ", ".join(new_positional) or "none"
    yield Change(
        f"{call}()",
        f"positional arguments changed from ({before}) to ({after})",
        True,
        "calls that pass arguments by position send them to other parameters or fail",
    )


# --- wording -------------------------------------------------------------------------


def _with_http(summary: str, method: MethodSurface) -> str:
    http = method.get("http")
    return f"{summary} ({code(http)})" if http else summary


def _describe_kind(entry: TypeSurface) -> str:
    text = _KIND_NAMES[entry["kind"]]
    if "schema" in entry:
        text += f" for schema {code(entry['schema'])}"
    return text


def _describe_body(entry: TypeSurface) -> str:
    if "type" in entry:
        text = code(format_shape(entry["type"]))
        if "discriminator" in entry:
            text += f", told apart by {code(entry['discriminator'])}"
        return text
    fields = entry.get("fields", {})
    if not fields:
        return "no keys" if entry["kind"] == "typeddict" else "no fields"
    label = "keys" if entry["kind"] == "typeddict" else "fields"
    return f"{label} " + ", ".join(code(name) for name in fields)
