"""What each case spec expects of the generated client, checked against a real HTTP server.

Every case spec reproduces a construct that broke another generator; the comment at
the top of each file says what correct output is. One test (or a few) per case here
checks that expectation on the package generated from it.
"""

from __future__ import annotations

import importlib
import inspect
import json
import typing
from typing import Any, Literal, get_type_hints

import pydantic
import pytest

from tests.generator.conftest import GeneratedPackage, client_class, credentials, types_module
from tests.support.scripted_server import ScriptedResponse, ScriptedServer, json_response

Packages = dict[str, GeneratedPackage]


def call(
    package: GeneratedPackage, server: ScriptedServer, method: str, *args: Any, **kwargs: Any
) -> Any:
    """Call one method of the package's sync client against `server`."""
    client_type = client_class(package)
    with client_type(
        **credentials(client_type, "test-key"), base_url=server.url, max_retries=0
    ) as client:
        return getattr(client, method)(*args, **kwargs)


def only_request(server: ScriptedServer) -> Any:
    requests = server.requests
    assert len(requests) == 1, requests
    return requests[0]


# --- 01 keywords ------------------------------------------------------------------


def test_keyword_properties_become_aliased_fields(generated: Packages) -> None:
    types = types_module(generated["01-keyword-property-names"])
    fields = types.Range.model_fields

    assert fields["from_"].alias == "from"
    assert fields["class_"].alias == "class"
    assert fields["import_"].alias == "import"
    assert fields["self_"].alias == "self"
    assert fields["schema_"].alias == "schema"
    assert fields["json_"].alias == "json"
    assert fields["model_config_"].alias == "model_config"
    assert fields["type"].alias is None


def test_keyword_properties_round_trip(generated: Packages) -> None:
    types = types_module(generated["01-keyword-property-names"])

    payload = {"items": [{"from": 1, "to": 2, "class": "x"}]}
    parsed = types.RangeList.model_validate(payload)

    assert parsed.items[0].from_ == 1
    assert parsed.items[0].class_ == "x"
    assert parsed.to_dict() == payload


def test_keyword_query_parameters_keep_wire_names(generated: Packages) -> None:
    package = generated["01-keyword-property-names"]

    with ScriptedServer() as server:
        server.always("GET", "/ranges", json_response({"items": []}))
        call(package, server, "list_ranges", from_=3, import_=True)

    assert only_request(server).path == "/ranges?from=3&import=true"


# --- 02 builtins ------------------------------------------------------------------


def test_builtin_property_names_keep_later_annotations(generated: Packages) -> None:
    types = types_module(generated["02-builtin-property-names"])
    payload = {
        "int": 1,
        "float": 1.5,
        "str": "a",
        "list": ["x"],
        "bool": True,
        "count": 3,
        "id": "i",
        "type": "t",
    }

    measurement = types.Measurement.model_validate(payload)

    assert measurement.count == 3
    assert measurement.int_ == 1
    assert types.Measurement.model_fields["count"].annotation is int
    assert measurement.to_dict() == payload


def test_builtin_property_count_rejects_text(generated: Packages) -> None:
    types = types_module(generated["02-builtin-property-names"])

    with pytest.raises(pydantic.ValidationError):
        types.Measurement.model_validate({"int": 1, "count": "many"})


# --- 04 dotted names --------------------------------------------------------------


def test_dotted_query_parameters(generated: Packages) -> None:
    package = generated["04-dotted-query-param-names"]

    with ScriptedServer() as server:
        server.always("GET", "/items", json_response([{"name": "n", "vendor.name": "v"}]))
        items = call(package, server, "find_items", name="n", vendor_name="v", vendor_id="7")

    assert only_request(server).path == "/items?name=n&vendor.name=v&vendor.id=7"
    assert items[0].vendor_name == "v"
    assert types_module(package).Item.model_fields["vendor_name"].alias == "vendor.name"


# --- 05 hyphens -------------------------------------------------------------------


def test_hyphenated_path_and_header_parameters(generated: Packages) -> None:
    package = generated["05-hyphen-path-param"]

    with ScriptedServer() as server:
        server.always("GET", "/things/a%2Fb", json_response({"id": "a/b"}))
        thing = call(package, server, "get_thing", "a/b", x_request_id="r-1")

    request = only_request(server)
    assert request.path == "/things/a%2Fb"
    assert request.headers["x-request-id"] == "r-1"
    assert thing.id == "a/b"


def test_hyphenated_path_parameters_in_order(generated: Packages) -> None:
    package = generated["05-hyphen-path-param"]
    parameters = list(inspect.signature(client_class(package).delete_thing_note).parameters)

    with ScriptedServer() as server:
        server.always("DELETE", "/things/t/notes/5", ScriptedResponse(status=204))
        result = call(package, server, "delete_thing_note", "t", 5)

    assert parameters[:3] == ["self", "thing_id", "note_id"]
    assert result is None
    assert only_request(server).path == "/things/t/notes/5"


# --- 07 parameter names that clash with generated ones ---------------------------


def test_clashing_parameter_names_are_renamed(generated: Packages) -> None:
    package = generated["07-param-names-clash-with-generator-args"]
    parameters = list(inspect.signature(client_class(package).create_session).parameters)

    with ScriptedServer() as server:
        server.always("POST", "/sessions", ScriptedResponse(status=201))
        call(
            package,
            server,
            "create_session",
            client="c",
            body_="b",
            timeout_=5,
            note="n",
            timeout=5.0,
        )

    assert parameters == ["self", "client", "body_", "timeout_", "note", "timeout"]
    request = only_request(server)
    assert request.path == "/sessions?client=c&body=b&timeout=5"
    assert json.loads(request.body) == {"note": "n"}


# --- 08 schema names that clash with runtime names -------------------------------


def test_schemas_named_like_runtime_names(generated: Packages) -> None:
    package = generated["08-schema-names-clash-with-runtime-names"]
    types = types_module(package)
    module = importlib.import_module(package.package)

    with ScriptedServer() as server:
        server.always("GET", "/clients/c1", json_response({"label": "l", "level": 2}))
        server.always(
            "POST", "/responses", json_response({"status": "ok", "payload": {"value": "v"}})
        )
        record = call(package, server, "get_client", "c1")
        stored = call(package, server, "create_response", name="n")

    assert isinstance(record, types.ClientModel)
    assert record.level == 2
    assert isinstance(stored, types.Response)
    assert isinstance(stored.payload, types.AnyModel)
    assert json.loads(server.requests[1].body) == {"name": "n"}
    assert issubclass(types.ClientModel, pydantic.BaseModel)
    assert module.__name__ == package.package


# --- 10 derived names that would shadow typing ------------------------------------


def test_inline_schemas_do_not_shadow_typing(generated: Packages) -> None:
    types = types_module(generated["10-generated-class-shadows-typing"])

    settings = types.Settings.model_validate(
        {"optional": {"k": ["a"]}, "union": {"x": 1}, "literal": "s"}
    )

    assert settings.optional == {"k": ["a"]}
    assert isinstance(settings.union, types.SettingsUnion)
    assert not {"Optional", "Union", "List", "Literal", "Dict"} & set(types.__all__)


# --- 11 names that collide after normalisation -----------------------------------


def test_colliding_schema_names_stay_distinct(generated: Packages) -> None:
    package = generated["11-schema-names-collide-after-normalization"]
    types = types_module(package)

    with ScriptedServer() as server:
        server.always(
            "GET", "/foo", json_response({"a": {"one": "1"}, "b": {"two": 2}, "c": {"three": True}})
        )
        server.always("GET", "/ab", json_response({"first": "f"}))
        foo = call(package, server, "get_foo")
        item = call(package, server, "get_item_a_b")

    assert isinstance(foo.a, types.FooBar)
    assert isinstance(foo.b, types.FooBar2)
    assert isinstance(foo.c, types.FooBar3)
    assert foo.b.two == 2
    assert item.first == "f"
    assert "second" in get_type_hints(types.ItemAb2Param)


# --- 13 schemas named like the package's errors -----------------------------------


def test_error_named_schemas_do_not_replace_errors(generated: Packages) -> None:
    package = generated["13-schema-named-like-generated-error"]
    module = importlib.import_module(package.package)
    types = types_module(package)

    with ScriptedServer() as server:
        server.always("GET", "/example", json_response({"error": "who are you"}, status=401))
        with pytest.raises(module.AuthenticationError) as raised:
            call(package, server, "get_example")

    assert issubclass(module.NotFoundError, module.APIStatusError)
    assert issubclass(types.NotFoundErrorModel, pydantic.BaseModel)
    assert isinstance(raised.value.body, types.UnauthorizedError)
    assert raised.value.body.error == "who are you"
    assert str(raised.value) == "401 Unauthorized: who are you"


def test_not_found_body_is_parsed_as_model(generated: Packages) -> None:
    package = generated["13-schema-named-like-generated-error"]
    module = importlib.import_module(package.package)
    types = types_module(package)

    with ScriptedServer() as server:
        body = {"error": "missing", "resource": "example"}
        server.always("GET", "/example", json_response(body, status=404))
        with pytest.raises(module.NotFoundError) as raised:
            call(package, server, "get_example")

    assert isinstance(raised.value.body, types.NotFoundErrorModel)
    assert raised.value.body.resource == "example"


def test_error_body_of_another_shape_stays_raw(generated: Packages) -> None:
    package = generated["13-schema-named-like-generated-error"]
    module = importlib.import_module(package.package)

    with ScriptedServer() as server:
        server.always("GET", "/example", json_response({"error": 7}, status=401))
        with pytest.raises(module.AuthenticationError) as raised:
            call(package, server, "get_example")

    assert raised.value.body == {"error": 7}


# --- 14 missing and awkward operation ids -----------------------------------------


def test_operation_ids_become_distinct_method_names(generated: Packages) -> None:
    package = generated["14-missing-or-awkward-operation-ids"]
    methods = {
        name
        for name, value in vars(client_class(package)).items()
        if callable(value) and not name.startswith("_") and name != "close"
    }

    with ScriptedServer() as server:
        for path in ("/things/a", "/things/b"):
            server.always("GET", path, ScriptedResponse(status=200))
        call(package, server, "get_thing")
        call(package, server, "get_thing2")

    assert methods == {
        "get_auth_login",
        "post_auth_login",
        "items_list",
        "post_2fa_verify",
        "get_thing",
        "get_thing2",
    }
    assert [r.path for r in server.requests] == ["/things/a", "/things/b"]


# --- 16 media type with a quoted parameter ---------------------------------------


def test_quoted_media_type_response_is_parsed(generated: Packages) -> None:
    package = generated["16-quoted-media-type-parameter"]
    media_type = 'application/ld+json; profile="https://example.com/profiles/item"'

    with ScriptedServer() as server:
        answer = ScriptedResponse(headers=[("Content-Type", media_type)], body=b'{"name": "n"}')
        server.always("PUT", "/object", answer)
        item = call(package, server, "put_object", name="n")

    assert item.name == "n"
    assert json.loads(only_request(server).body) == {"name": "n"}


def test_quoted_media_type_is_sent_verbatim(generated: Packages) -> None:
    package = generated["16-quoted-media-type-parameter"]

    with ScriptedServer() as server:
        server.always("PUT", "/object", json_response({"name": "n"}))
        call(package, server, "put_object", name="n")

    expected = 'application/ld+json; profile="https://example.com/profiles/item"'
    assert only_request(server).headers["content-type"] == expected


# --- 17 self-reference ------------------------------------------------------------


def test_self_referencing_schema_round_trips(generated: Packages) -> None:
    package = generated["17-self-referencing-schema"]
    tree = {
        "name": "root",
        "children": [{"name": "a", "children": [{"name": "b", "children": []}]}],
        "index": {"a": {"name": "a", "children": []}},
    }

    with ScriptedServer() as server:
        server.always("GET", "/tree", json_response(tree))
        server.always("POST", "/tree/nodes", ScriptedResponse(status=201))
        parsed = call(package, server, "get_tree")
        call(package, server, "add_node", name="leaf", children=[{"name": "x", "children": []}])

    assert parsed.children[0].children[0].name == "b"
    assert parsed.to_dict() == tree
    assert json.loads(server.requests[1].body) == {
        "name": "leaf",
        "children": [{"name": "x", "children": []}],
    }


# --- 19 allOf with required in another part --------------------------------------


def test_all_of_required_across_parts(generated: Packages) -> None:
    types = types_module(generated["19-allof-required-in-other-part"])

    with pytest.raises(pydantic.ValidationError):
        types.Item.model_validate({"tags": []})
    item = types.Item.model_validate({"id": 1, "name": "n", "tags": []})

    assert item.note is None
    hints = get_type_hints(types.ItemCreateParam, include_extras=True)
    assert typing.get_origin(hints["name"]) is typing.Required
    assert typing.get_origin(hints["id"]) is typing.NotRequired
    assert types.ItemBase.model_validate({}).id is None


# --- 20 allOf containing oneOf ----------------------------------------------------


def test_all_of_with_one_of_becomes_union_of_merged_objects(generated: Packages) -> None:
    types = types_module(generated["20-allof-containing-oneof"])
    adapter = pydantic.TypeAdapter(types.LookupRequest)

    assert adapter.validate_python({"a": 1, "b": 2, "name": "x"}) == {"a": 1, "b": 2, "name": "x"}
    assert adapter.validate_python({"a": 1, "b": 2, "code": 7}) == {"a": 1, "b": 2, "code": 7}
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"a": 1, "b": 2})
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"a": 1, "name": "x"})


# --- 22 OpenAPI 3.1 nullable types -------------------------------------------------


def test_nullable_type_arrays(generated: Packages) -> None:
    types = types_module(generated["22-oas31-nullable-type-arrays"])

    record = types.Record.model_validate(
        {"label": None, "count": None, "mixed": 1, "parent": None, "tags": None}
    )

    assert record.label is None
    assert record.mixed == 1
    assert types.Record.model_validate({"label": "l", "count": 1, "mixed": "x"}).mixed == "x"
    with pytest.raises(pydantic.ValidationError):
        types.Record.model_validate({"count": 1})
    with pytest.raises(pydantic.ValidationError):
        types.Record.model_validate({"label": "l"})


# --- 23 unquoted YAML null (invalid on purpose) ------------------------------------


def test_unquoted_null_in_type_list_is_an_error(generated: Packages) -> None:
    package = generated["23-oas31-unquoted-null-in-type-array-INVALID"]

    assert len(package.errors) == 1
    assert package.errors[0].file.endswith("23-oas31-unquoted-null-in-type-array-INVALID.yaml")
    assert package.errors[0].pointer.startswith("/components/schemas/Thing/properties/note/type")
    assert '"null" in quotes' in package.errors[0].message
    assert not package.folder.exists()


# --- 25 arrays without items ------------------------------------------------------


def test_array_without_items(generated: Packages) -> None:
    types = types_module(generated["25-oas31-array-without-items"])

    metrics = types.Metrics.model_validate({"rows": [1, "a", {"b": None}], "tags": []})

    assert metrics.rows == [1, "a", {"b": None}]
    assert metrics.tags == []
    assert isinstance(types.Metrics.model_validate({"tags": {"tag": ["a"]}}).tags, types.TagSet)


# --- 26 const ---------------------------------------------------------------------


def test_const_properties_become_literals(generated: Packages) -> None:
    package = generated["26-oas31-const"]
    hints = get_type_hints(types_module(package).NamespaceParam)

    assert hints["kind"] == Literal["namespace"]
    assert hints["version"] == Literal["v1"]
    assert hints["enabled"] == Literal[True]
    assert hints["level"] == Literal[3]
    assert hints["ratio"] is float
    assert [w.pointer for w in package.warnings] == [
        "/components/schemas/Namespace/properties/ratio/const"
    ]


# --- 28 enum values differing by case ---------------------------------------------


def test_enum_values_differing_by_case_stay_distinct(generated: Packages) -> None:
    types = types_module(generated["28-enum-values-differing-by-case"])
    document_type = pydantic.TypeAdapter(types.DocumentType)
    separator = pydantic.TypeAdapter(types.Separator)

    assert [document_type.validate_python(v) for v in ("txt", "TXT", "Txt")] == [
        "txt",
        "TXT",
        "Txt",
    ]
    assert [separator.validate_python(v) for v in ("a-b", "a_b", "a b", "A_B")] == [
        "a-b",
        "a_b",
        "a b",
        "A_B",
    ]
    with pytest.raises(pydantic.ValidationError):
        document_type.validate_python("tXt")


# --- 29 empty string in an enum ---------------------------------------------------


def test_enum_with_empty_string(generated: Packages) -> None:
    package = generated["29-enum-empty-string"]
    types = types_module(package)

    with ScriptedServer() as server:
        server.always(
            "GET",
            "/volumes",
            json_response([{"scope": "", "visibility": None}, {"visibility": ""}]),
        )
        volumes = call(package, server, "list_volumes", scope="")

    assert only_request(server).path == "/volumes?scope="
    assert volumes[0].scope == ""
    assert volumes[0].visibility is None
    assert volumes[1].visibility == ""
    with pytest.raises(pydantic.ValidationError):
        pydantic.TypeAdapter(types.Scope).validate_python(None)


# --- 31 enum values that are reserved member names --------------------------------


def test_enum_values_that_are_reserved_names(generated: Packages) -> None:
    types = types_module(generated["31-enum-reserved-member-names"])
    adapter = pydantic.TypeAdapter(types.Mode)
    values = [
        "mro",
        "_missing_",
        "class",
        "None",
        "True",
        "123",
        "admin-user",
        "1.5",
        "name",
        "value",
        "count",
        "format",
    ]

    assert [adapter.validate_python(value) for value in values] == values
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python("MRO")


# --- 32 additionalProperties ------------------------------------------------------


def test_additional_properties_variants(generated: Packages) -> None:
    types = types_module(generated["32-additional-properties-variants"])

    with pytest.raises(pydantic.ValidationError):
        types.Closed.model_validate({"known": 1, "bogus": 2})
    default = types.Default.model_validate({"known": 1, "extra": "kept"})
    typed = types.Typed.model_validate({"known": "k", "n": 5})
    labels = types.PutConfigResponse.model_validate({"labels": {"a": "b"}}).labels

    assert default.to_dict() == {"known": 1, "extra": "kept"}
    assert typed["n"] == 5
    assert labels == {"a": "b"}
    with pytest.raises(pydantic.ValidationError):
        types.Typed.model_validate({"known": "k", "n": "five"})


def test_closed_object_in_open_request_stays_closed(generated: Packages) -> None:
    types = types_module(generated["32-additional-properties-variants"])

    assert types.Closed.model_config["extra"] == "forbid"
    assert "bogus" not in get_type_hints(types.ClosedParam)


# --- 34 query parameter styles ----------------------------------------------------


def test_query_parameter_styles(generated: Packages) -> None:
    package = generated["34-query-array-style-explode"]

    with ScriptedServer() as server:
        server.always("GET", "/entities", ScriptedResponse(status=200))
        call(
            package,
            server,
            "list_entities",
            ids=[1, 2],
            tags=["a", "b"],
            pipes=["x", "y"],
            filter_={"color": "red", "size": "L"},
            meta={"k": "v"},
        )

    query = only_request(server).path.partition("?")[2].split("&")
    assert "ids=1,2" in query
    assert ["tags=a", "tags=b"] == [item for item in query if item.startswith("tags=")]
    assert "pipes=x|y" in query or "pipes=x%7Cy" in query
    assert "color=red" in query
    assert "size=L" in query
    assert "meta%5Bk%5D=v" in query or "meta[k]=v" in query
    assert not any(item.startswith("filter") for item in query)


def test_query_delimiters_differ_from_encoded_commas(generated: Packages) -> None:
    parameters = importlib.import_module(
        f"{generated['34-query-array-style-explode'].package}._parameters"
    )

    joined = parameters.query_items("ids", ["a,b", "c"], style="form", explode=False)
    separate = parameters.query_items("ids", ["a", "b", "c"], style="form", explode=False)

    assert joined == ["ids=a%2Cb,c"]
    assert separate == ["ids=a,b,c"]


# --- 35 non-JSON and empty responses ----------------------------------------------


def test_no_content_response_returns_none(generated: Packages) -> None:
    package = generated["35-non-json-responses"]

    with ScriptedServer() as server:
        server.always("DELETE", "/files/f1/content", ScriptedResponse(status=204))
        result = call(package, server, "delete_file", "f1")

    assert result is None


def test_default_error_response_is_raised(generated: Packages) -> None:
    package = generated["35-non-json-responses"]
    module = importlib.import_module(package.package)

    with ScriptedServer() as server:
        server.always("GET", "/files/f1/content", json_response({"message": "gone"}, status=500))
        with pytest.raises(module.InternalServerError) as raised:
            call(package, server, "download_file", "f1")

    assert raised.value.body == {"message": "gone"}


def test_binary_and_text_responses(generated: Packages) -> None:
    package = generated["35-non-json-responses"]

    with ScriptedServer() as server:
        raw = ScriptedResponse(
            headers=[("Content-Type", "application/octet-stream")], body=b"\x00\xffraw"
        )
        csv = ScriptedResponse(headers=[("Content-Type", "text/csv")], body=b"a,b\n1,2\n")
        text = ScriptedResponse(headers=[("Content-Type", "text/plain")], body=b"OK")
        server.always("GET", "/files/f1/content", raw)
        server.always("GET", "/reports.csv", csv)
        server.always("GET", "/health", text)
        content = call(package, server, "download_file", "f1")
        report = call(package, server, "get_report_csv")
        health = call(package, server, "get_health")

    assert content == b"\x00\xffraw"
    assert report == b"a,b\n1,2\n"
    assert health == "OK"


def test_non_json_return_annotations(generated: Packages) -> None:
    client = client_class(generated["35-non-json-responses"])

    assert inspect.signature(client.download_file).return_annotation == "bytes"
    assert inspect.signature(client.get_report_csv).return_annotation == "bytes"
    assert inspect.signature(client.get_health).return_annotation == "str"


# --- 37 non-scalar defaults -------------------------------------------------------


def test_defaults_are_left_to_the_server(generated: Packages) -> None:
    package = generated["37-default-values"]
    signature = inspect.signature(client_class(package).create_export)

    with ScriptedServer() as server:
        server.always("POST", "/exports", ScriptedResponse(status=202))
        call(package, server, "create_export", formats=["xml"])

    assert {name: str(p.default) for name, p in signature.parameters.items() if name != "self"} == {
        "formats": "NOT_GIVEN",
        "mode": "NOT_GIVEN",
        "limits": "NOT_GIVEN",
        "when": "NOT_GIVEN",
        "timeout": "NOT_GIVEN",
    }
    assert json.loads(only_request(server).body) == {"formats": ["xml"]}


def test_defaults_are_documented(generated: Packages) -> None:
    doc = " ".join(client_class(generated["37-default-values"]).create_export.__doc__.split())

    assert "Defaults to ['csv', 'json']" in doc
    assert "Defaults to 'fast'" in doc
    assert "Defaults to {'rows': 100}" in doc


# --- 38 cookies -------------------------------------------------------------------


def test_cookie_parameter_is_sent(generated: Packages) -> None:
    package = generated["38-cookie-auth-and-cookie-params"]

    with ScriptedServer() as server:
        server.always("GET", "/health", ScriptedResponse(status=200))
        call(package, server, "get_protected_health", theme="dark; x=1")

    assert "theme=dark%3B%20x%3D1" in only_request(server).headers["cookie"]


def test_cookie_api_key_is_sent_by_name(generated: Packages) -> None:
    package = generated["38-cookie-auth-and-cookie-params"]

    with ScriptedServer() as server:
        server.always("GET", "/health", ScriptedResponse(status=200))
        client_type = client_class(package)
        with client_type(**credentials(client_type, "abc"), base_url=server.url) as client:
            client.get_protected_health(theme="dark")

    assert only_request(server).headers["cookie"] == "session_id=abc; theme=dark"
