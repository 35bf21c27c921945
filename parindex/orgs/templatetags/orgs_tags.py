"""Template tags for unit and user pages. Permission questions go to orgs.access."""

from decimal import Decimal

from django import template

from parindex.orgs import access
from parindex.orgs.lineage import format_weight

register = template.Library()


@register.filter
def is_organiser(user) -> bool:
    """`{% if user|is_organiser %}`: show organiser-only links."""
    return access.is_organiser_anywhere(user)


@register.filter
def depth_indent(depth: int) -> str:
    """Indentation of a tree row as a CSS length."""
    return f"{max(0, int(depth)) * 1.25:g}rem"


@register.filter
def weight(value: Decimal) -> str:
    """A lineage weight without trailing zeros: 0.6000 → 0.6."""
    return format_weight(value)
