"""Type shapes: spelling them as the package does, and comparing them by their values."""

from __future__ import annotations

import pytest

from generator.config import load_config
from generator.model import ArrayType, LiteralType, MapType, PrimitiveType, UnionType
from generator.pipeline import build_api
from generator.renderer.methods import method_views
from generator.renderer.type_expressions import TypeNames, build_type_names
from generator.shapes import Shape, ShapeBuilder, TypeDelta, compare_shapes, format_shape
from generator.surface import build_surface
from tests.conftest import CONFIG, SPEC

ALIASES: dict[str, Shape] = {
    "GroupBy": ["Union", "str", ["Mapping", "str", "GroupByFunction"]],
    "RankByVector": ["tuple", "str", ["Literal", "ANN"], ["Sequence", "float"]],
    "RankByAnn": ["tuple", "str", ["Literal", "ANN"], ["Sequence", "float"]],
}


def compare(old: Shape, new: Shape) -> TypeDelta:
    return compare_shapes(old, new, old_expansions=ALIASES, new_expansions=ALIASES)


def test_format_matches_renderer_for_turbopuffer() -> None:
    api, _ = build_api(SPEC, load_config(CONFIG))
    names = build_type_names(api)
    surface = build_surface(api, fingerprint="")
    rendered = {
        (method.name, argument.name): argument.annotation.removesuffix(" | NotGiven")
        for resource in (None, *(r.name for r in api.resources))
        for method in method_views(api, names, resource)
        for argument in (*method.positional, *method.keyword)
    }

    checked = 0
    for owner in surface["classes"].values():
        for method_name, method in owner["methods"].items():
            for argument in method["arguments"]:
                key = (method_name, argument["name"])
                if key in rendered:
                    assert format_shape(argument["type"]) == rendered[key], key
                    checked += 1
    assert checked > 50


def test_builder_moves_none_last() -> None:
    api, _ = build_api(SPEC, load_config(CONFIG))
    builder = ShapeBuilder(build_type_names(api), "request")
    node = UnionType((PrimitiveType("none"), LiteralType(("a", None)), PrimitiveType("int")))

    assert builder.build(node) == ["Union", ["Literal", "a"], "int", "None"]


def test_builder_containers_follow_direction() -> None:
    names = TypeNames({}, frozenset(), frozenset(), frozenset(), {})
    node = MapType(ArrayType(PrimitiveType("int")))

    assert ShapeBuilder(names, "request").build(node) == ["Mapping", "str", ["Sequence", "int"]]
    assert ShapeBuilder(names, "response").build(node) == ["dict", "str", ["list", "int"]]


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        ("str", "str"),
        (["Literal", "a", 1, True], "Literal['a', 1, True]"),
        (["Union", ["Sequence", "int"], "None"], "Sequence[int] | None"),
        (["Mapping", "str", "Any"], "Mapping[str, Any]"),
        (["tuple"], "tuple[()]"),
        (["SyncCursorPager", "Item", "Page"], "SyncCursorPager[Item, Page]"),
    ],
)
def test_format_shape(shape: Shape, text: str) -> None:
    assert format_shape(shape) == text


def test_equal_shapes_are_same() -> None:
    assert compare(["Union", "int", "str"], ["Union", "int", "str"]) == TypeDelta()


def test_reordered_union_is_same() -> None:
    delta = compare(["Union", "int", "str"], ["Union", "str", "int"])

    assert delta.relation == "same"
    assert not delta.respelled


def test_literal_value_added_widens() -> None:
    delta = compare(["Literal", "a"], ["Literal", "a", "b"])

    assert delta.relation == "widened"
    assert delta.gained == ("'b'",)


def test_literal_value_removed_narrows() -> None:
    delta = compare(["Literal", "a", "b"], ["Literal", "a"])

    assert delta.relation == "narrowed"
    assert delta.lost == ("'b'",)


def test_value_swapped_is_mixed() -> None:
    delta = compare(["Literal", "a", "b"], ["Literal", "a", "c"])

    assert delta.relation == "mixed"
    assert delta.lost == ("'b'",)
    assert delta.gained == ("'c'",)


def test_unrelated_types_changed() -> None:
    assert compare("int", "str").relation == "changed"


def test_optional_made_required_narrows() -> None:
    delta = compare(["Union", "int", "None"], "int")

    assert delta.relation == "narrowed"
    assert delta.lost == ("None",)


def test_any_to_precise_narrows() -> None:
    assert compare("Any", "int") == TypeDelta("narrowed", lost=("Any",))


def test_precise_to_any_widens() -> None:
    assert compare(["Union", "int", "str"], "Any") == TypeDelta("widened", gained=("Any",))


def test_alias_expanded_to_compare() -> None:
    delta = compare(["Sequence", "str"], ["Sequence", "GroupBy"])

    assert delta.relation == "widened"


def test_alias_for_same_values_respelled() -> None:
    delta = compare(["Union", "RankByVector", "int"], ["Union", "RankByAnn", "int"])

    assert delta.relation == "same"
    assert delta.respelled
    assert delta.equivalents == (("RankByVector", "RankByAnn"),)


def test_generic_parameter_changed() -> None:
    assert compare(["Sequence", "int"], ["Sequence", "str"]).relation == "changed"


def test_self_referring_alias_stops() -> None:
    loop: dict[str, Shape] = {"Loop": ["Union", "Loop", "int"]}

    delta = compare_shapes("str", "Loop", old_expansions={}, new_expansions=loop)

    assert delta.relation == "changed"
