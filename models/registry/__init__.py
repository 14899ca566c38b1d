"""Who a gazette names: departments, their governments, and the rules for their names.

departments.py: the curated registry of one government (content/departments.toml)
and the role words; governments.py: reading the government out of an organ's
name; naming.py: the general alias rules (content/alias_rules.toml) that give a
unit of any government its canonical name; scope.py: the registry as one
document sees it, which the parser asks.
"""
from __future__ import annotations

from models.registry.departments import Department, Registry, RoleWords, load_registry, suggest
from models.registry.naming import lookup_form

__all__ = ["Department", "Registry", "RoleWords", "load_registry", "lookup_form", "suggest"]
