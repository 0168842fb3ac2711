"""The OpenAPI 3.1 document of the public API, built from the household JSON Schema the core ships."""

import json
from functools import cache
from pathlib import Path

from benefits.rules import BENEFITS, ENGINE_VERSION

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "rules" / "household.schema.json"


@cache
def household_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def openapi_document() -> dict:
    household = household_schema()
    defs = household.get("$defs", {})
    household_component = {k: v for k, v in household.items() if k not in ("$schema", "$id", "$defs")}
    # The API, unlike the CLI (--month), has no other way to learn the month: it is required here.
    household_component["required"] = sorted({*household_component.get("required", []), "month"})
    household_component["properties"] = dict(
        household_component["properties"],
        month={"$ref": "#/$defs/month", "description": "Mois à calculer (AAAA-MM), obligatoire."},
    )
    amounts = {
        "type": "object",
        "properties": {b: {"type": "number"} for b in BENEFITS},
        "required": list(BENEFITS),
    }
    step = {
        "type": "object",
        "properties": {
            "label": {"type": "object", "properties": {"fr": {"type": "string"}, "en": {"type": "string"}}},
            "amount": {"type": ["number", "null"]},
            "op": {"type": "string"},
            "legal_basis": {"type": "string"},
            "legal_url": {"type": ["string", "null"]},
        },
        "required": ["label", "amount", "op", "legal_basis"],
    }
    result = {
        "type": "object",
        "required": [
            "id",
            "month",
            "benefits",
            "total_monthly",
            "engine_version",
            "parameters_version",
            "explanation",
        ],
        "properties": {
            "id": {"type": "string"},
            "month": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
            "benefits": amounts,
            "total_monthly": {"type": "number"},
            "engine_version": {"type": "string"},
            "parameters_version": {"type": "string"},
            "assumptions": {"type": "array", "items": {"type": "object"}},
            "explanation": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "amount": {"type": "number"},
                        "eligible": {"type": "boolean"},
                        "period": {"enum": ["month", "year"]},
                        "steps": {"type": "array", "items": step},
                    },
                    "required": ["amount", "eligible", "period", "steps"],
                },
            },
        },
    }
    problem = {
        "type": "object",
        "required": ["type", "title", "status"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "path": {"type": "string"},
                        "message": {"type": "string"},
                        "message_en": {"type": "string"},
                    },
                    "required": ["path", "message"],
                },
            },
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Portail allocataires — API publique de simulation",
            "version": ENGINE_VERSION,
            "description": "Estimation des prestations de la CAF pour un foyer, avec l'explication de chaque calcul.",
        },
        "paths": {
            "/api/v1/simulate": {
                "post": {
                    "summary": "Estimer les prestations d'un foyer",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Household"}}
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "Montants et explication",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Result"}}
                            },
                        },
                        "400": {
                            "description": "Foyer invalide",
                            "content": {
                                "application/problem+json": {
                                    "schema": {"$ref": "#/components/schemas/Problem"}
                                }
                            },
                        },
                        "405": problem_answer("Méthode non autorisée (seul POST est accepté)"),
                        "413": problem_answer("Corps de plus de 512 Ko"),
                        "429": {
                            "description": "Trop de requêtes",
                            "content": {
                                "application/problem+json": {
                                    "schema": {"$ref": "#/components/schemas/Problem"}
                                }
                            },
                        },
                    },
                }
            }
        },
        "components": {
            "schemas": {"Household": household_component, "Result": result, "Problem": problem, **defs}
        },
    }


def problem_answer(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def rewrite_refs(node):
    """The household schema's "#/$defs/x" references become "#/components/schemas/x" in OpenAPI."""
    if isinstance(node, dict):
        return {
            k: (v.replace("#/$defs/", "#/components/schemas/") if k == "$ref" else rewrite_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [rewrite_refs(item) for item in node]
    return node
