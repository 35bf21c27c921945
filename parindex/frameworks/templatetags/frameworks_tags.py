from django import template

from parindex.frameworks.rule_summary import summarise_rule

register = template.Library()


@register.filter
def rule_summary(rule) -> str:
    """A rule dict as one readable line (used by the diff page)."""
    return summarise_rule(rule) if isinstance(rule, dict) else ("" if rule is None else str(rule))
