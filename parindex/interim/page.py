"""What the interim round page shows: per field, its leaves with widget, answer and points."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse

from parindex.assessments.answer_widgets import Widget, build_widget
from parindex.assessments.criteria import CriteriaSet, criteria_for, progress_of
from parindex.interim.models import InterimAnswer, InterimRound
from parindex.interim.services import current_answers, evaluate_round
from parindex.scoring import Node, UnitResult


@dataclass
class LeafView:
    node: Node
    widget: Widget
    answer: InterimAnswer | None
    points: Decimal
    maximum: Decimal
    explanation: str
    save_url: str

    @property
    def dom_id(self) -> str:
        return "leaf-" + self.node.code.replace(".", "-")

    @property
    def revision(self) -> int:
        return self.answer.revision if self.answer else 0


@dataclass
class FieldView:
    node: Node
    points: Decimal
    maximum: Decimal
    leaves: list[LeafView] = field(default_factory=list)


@dataclass
class RoundPage:
    round: InterimRound
    criteria: CriteriaSet
    result: UnitResult
    fields: list[FieldView]
    answered: int
    total_leaves: int


def _field_of(criteria: CriteriaSet, node: Node) -> str:
    code = node.code
    while criteria.framework.by_code[code].parent is not None:
        code = criteria.framework.by_code[code].parent
    return code


def leaf_view(criteria, result: UnitResult, node: Node, answer, save_url: str) -> LeafView:
    outcome = result.node(node.code)
    widget = build_widget(criteria.raw_nodes[node.code], answer.inputs if answer else None)
    return LeafView(
        node, widget, answer, outcome.points, outcome.maximum, outcome.explanation, save_url
    )


def build_round_page(round_: InterimRound) -> RoundPage:
    criteria = criteria_for(round_.framework)
    answers = current_answers(round_)
    result = evaluate_round(round_, answers)
    url = reverse("interim:save_leaf", args=[round_.pk, "CODE"])
    framework = criteria.framework
    tops = [*framework.fields, *filter(None, [framework.bonus_node])]
    fields = {
        node.code: FieldView(node, result.points_at(node.position), result.maxima[node.position])
        for node in tops
    }
    for node in criteria.entered_leaves:
        view = leaf_view(
            criteria, result, node, answers.get(node.code), url.replace("CODE", node.code)
        )
        fields[_field_of(criteria, node)].leaves.append(view)
    progress = progress_of(criteria, result)
    return RoundPage(
        round_, criteria, result, list(fields.values()), progress.answered, progress.total
    )
