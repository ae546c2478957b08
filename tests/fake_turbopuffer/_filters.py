"""Evaluate turbopuffer filter expressions against one document.

A filter is `[attr, Operator, value]`, optionally with a params object as a
fourth item, or a logical form: `["And", [...]]`, `["Or", [...]]`,
`["Not", filter]`. Write conditions may use `{"$ref_new": attr}` as a value,
which refers to the attribute of the document being written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from ._errors import BadRequest
from ._store import Document
from ._text import query_tokens, token_matches, tokenize
from ._vectors import is_number

Operator = Callable[[Any, Any, Mapping[str, Any]], bool]


def matches(expression: Any, document: Document, *, new_document: Document | None = None) -> bool:
    """Return whether `document` passes the filter.

    `new_document` is the document a conditional write is about to store, and
    is required only when the filter uses `$ref_new`. Raises BadRequest for an
    unknown operator or a malformed filter.
    """
    if not isinstance(expression, list) or len(expression) < 2:
        raise BadRequest(
            f"invalid filter {expression!r}: expected a list such as [attr, op, value]"
        )

    head, argument = expression[0], expression[1]
    if head in ("And", "Or") and isinstance(argument, list):
        results = (matches(item, document, new_document=new_document) for item in argument)
        return all(results) if head == "And" else any(results)
    if head == "Not" and isinstance(argument, list):
        return not matches(argument, document, new_document=new_document)

    if not isinstance(head, str) or not isinstance(argument, str):
        raise BadRequest(f"invalid filter {expression!r}: attribute and operator must be strings")
    operator = _OPERATORS.get(argument)
    if operator is None:
        raise BadRequest(f"unknown filter operator {argument!r} in {expression!r}")
    if len(expression) < 3:
        raise BadRequest(f"invalid filter {expression!r}: the {argument} operator needs a value")

    operand = _resolve_operand(expression[2], new_document)
    params = expression[3] if len(expression) > 3 and isinstance(expression[3], Mapping) else {}
    return operator(document.get(head), operand, params)


def _resolve_operand(operand: Any, new_document: Document | None) -> Any:
    if isinstance(operand, Mapping) and set(operand) == {"$ref_new"}:
        if new_document is None:
            raise BadRequest("$ref_new is only valid in the condition of a conditional write")
        return new_document.get(operand["$ref_new"])
    return operand


def _equal(left: Any, right: Any) -> bool:
    # Python treats True == 1, but JSON booleans and numbers never compare equal.
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    return bool(left == right)


def _ordered_pair(left: Any, right: Any) -> bool:
    both_numbers = is_number(left) and is_number(right)
    both_strings = isinstance(left, str) and isinstance(right, str)
    return both_numbers or both_strings


def _comparison(compare: Callable[[Any, Any], bool]) -> Operator:
    def operator(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
        return _ordered_pair(value, operand) and compare(value, operand)

    return operator


def _any_element(compare: Callable[[Any, Any], bool]) -> Operator:
    def operator(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
        if not isinstance(value, list):
            return False
        return any(_ordered_pair(item, operand) and compare(item, operand) for item in value)

    return operator


def _negated(operator: Operator) -> Operator:
    def negation(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
        return not operator(value, operand, params)

    return negation


def _eq(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    if operand is None:
        return value is None
    return _equal(value, operand)


def _in(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    if not isinstance(operand, list):
        raise BadRequest(f"the In and NotIn operators need a list value, got {operand!r}")
    return any(_equal(value, item) for item in operand)


def _contains(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    return isinstance(value, list) and any(_equal(item, operand) for item in value)


def _contains_any(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    if not isinstance(operand, list):
        raise BadRequest(f"the ContainsAny operators need a list value, got {operand!r}")
    return isinstance(value, list) and any(
        _equal(item, candidate) for item in value for candidate in operand
    )


def _glob(*, ignore_case: bool) -> Operator:
    def operator(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
        if not isinstance(value, str) or not isinstance(operand, str):
            return False
        return _compile_glob(operand, ignore_case).fullmatch(value) is not None

    return operator


def _regex(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    if not isinstance(value, str) or not isinstance(operand, str):
        return False
    try:
        pattern = re.compile(operand)
    except re.error as error:
        raise BadRequest(f"invalid regular expression {operand!r}: {error}") from error
    # NOTE: Python's re syntax replaces the real API's regex engine, and the
    # match is unanchored. Both are guesses.
    return pattern.search(value) is not None


def _contains_all_tokens(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    search_tokens = query_tokens(operand)
    present = set(tokenize(value))
    last_as_prefix = bool(params.get("last_as_prefix", False))
    return bool(search_tokens) and all(
        token_matches(token, present, as_prefix=last_as_prefix and index == len(search_tokens) - 1)
        for index, token in enumerate(search_tokens)
    )


def _contains_any_token(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    search_tokens = query_tokens(operand)
    present = set(tokenize(value))
    last_as_prefix = bool(params.get("last_as_prefix", False))
    return any(
        token_matches(token, present, as_prefix=last_as_prefix and index == len(search_tokens) - 1)
        for index, token in enumerate(search_tokens)
    )


def _contains_token_sequence(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
    search_tokens = query_tokens(operand)
    present = tokenize(value)
    if not search_tokens:
        return False
    return any(
        present[start : start + len(search_tokens)] == search_tokens
        for start in range(len(present))
    )


def _unsupported(name: str) -> Operator:
    def operator(value: Any, operand: Any, params: Mapping[str, Any]) -> bool:
        raise BadRequest(f"the {name} filter operator is not supported by the fake server")

    return operator


@functools.lru_cache(maxsize=256)
def _compile_glob(pattern: str, ignore_case: bool) -> re.Pattern[str]:
    """Translate globset syntax (`*`, `?`, `[...]`, `[!...]`, `{a,b}`, `\\x`) to a regex."""
    parts: list[str] = []
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "*":
            parts.append(".*")
        elif char == "?":
            parts.append(".")
        elif char == "[":
            end = _class_end(pattern, index)
            if end is None:
                parts.append(re.escape(char))
            else:
                body = pattern[index + 1 : end].replace("\\", "\\\\")
                if body[0] in "!^":
                    body = "^" + body[1:]
                parts.append(f"[{body}]")
                index = end
        elif char == "{":
            parts.append("(?:")
            depth += 1
        elif char == "}" and depth:
            parts.append(")")
            depth -= 1
        elif char == "," and depth:
            parts.append("|")
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            parts.append(re.escape(pattern[index]))
        else:
            parts.append(re.escape(char))
        index += 1

    if depth:
        raise BadRequest(f"invalid glob {pattern!r}: unclosed '{{'")
    flags = re.DOTALL | (re.IGNORECASE if ignore_case else 0)
    return re.compile("".join(parts), flags)


def _class_end(pattern: str, start: int) -> int | None:
    position = start + 1
    if position < len(pattern) and pattern[position] in "!^":
        position += 1
    # A "]" right after the opening bracket is a literal member of the class.
    if position < len(pattern) and pattern[position] == "]":
        position += 1
    end = pattern.find("]", position)
    return end if end != -1 else None


_OPERATORS: dict[str, Operator] = {
    "Eq": _eq,
    "NotEq": _negated(_eq),
    "In": _in,
    "NotIn": _negated(_in),
    "Lt": _comparison(lambda a, b: a < b),
    "Lte": _comparison(lambda a, b: a <= b),
    "Gt": _comparison(lambda a, b: a > b),
    "Gte": _comparison(lambda a, b: a >= b),
    "AnyLt": _any_element(lambda a, b: a < b),
    "AnyLte": _any_element(lambda a, b: a <= b),
    "AnyGt": _any_element(lambda a, b: a > b),
    "AnyGte": _any_element(lambda a, b: a >= b),
    "Contains": _contains,
    "NotContains": _negated(_contains),
    "ContainsAny": _contains_any,
    "NotContainsAny": _negated(_contains_any),
    "Glob": _glob(ignore_case=False),
    "NotGlob": _negated(_glob(ignore_case=False)),
    "IGlob": _glob(ignore_case=True),
    "NotIGlob": _negated(_glob(ignore_case=True)),
    "Regex": _regex,
    "ContainsAllTokens": _contains_all_tokens,
    "ContainsAnyToken": _contains_any_token,
    "ContainsTokenSequence": _contains_token_sequence,
    "Fuzzy": _unsupported("Fuzzy"),
}

FILTER_OPERATORS = frozenset(_OPERATORS)
