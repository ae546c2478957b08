"""Repair known defects of real specs before validation, each with a warning.

Real specs break the OpenAPI schema in small ways that still leave their meaning
clear: `info.contact` given as a bare e-mail string, a server variable with no
`default`. Each repair warns with the JSON pointer of what it changed. The input
document is never modified: changed branches are copied.
"""

from __future__ import annotations

from typing import Any

from generator import pointers
from generator.diagnostics import DiagnosticLog


def repair_document(document: dict[str, Any], log: DiagnosticLog) -> dict[str, Any]:
    document = _repair_contact(document, log)
    document = _repair_server_variables(document, log)
    return document


def _repair_contact(document: dict[str, Any], log: DiagnosticLog) -> dict[str, Any]:
    info = document.get("info")
    if not isinstance(info, dict) or not isinstance(info.get("contact"), str):
        return document
    contact = info["contact"]
    key = "email" if "@" in contact else "name"
    log.warn("/info/contact", f"contact is a string, not a Contact object; read it as its {key}")
    return {**document, "info": {**info, "contact": {key: contact}}}


def _repair_server_variables(document: dict[str, Any], log: DiagnosticLog) -> dict[str, Any]:
    servers = document.get("servers")
    if not isinstance(servers, list):
        return document
    repaired = []
    for index, server in enumerate(servers):
        variables = server.get("variables") if isinstance(server, dict) else None
        if not isinstance(variables, dict):
            repaired.append(server)
            continue
        fixed = {}
        for name, variable in variables.items():
            if isinstance(variable, dict) and "default" not in variable:
                pointer = pointers.join("/servers", index, "variables", name)
                log.warn(
                    pointer,
                    "server variable has no default; the generated client requires it as an argument",
                )
                variable = {**variable, "default": "", "x-required": True}
            fixed[name] = variable
        repaired.append({**server, "variables": fixed})
    return {**document, "servers": repaired}
