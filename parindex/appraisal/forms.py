"""Forms of the appraisal pages; the services check everything that matters again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.assessments.criteria import CriteriaSet


class AssignForm(forms.Form):
    """One node (field, criterion or leaf) to one appraiser."""

    node = forms.ChoiceField(label=_("Field or criterion"))
    appraiser = forms.TypedChoiceField(label=_("Appraiser"), coerce=int)

    def __init__(self, *args, criteria: CriteriaSet, appraisers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["node"].choices = [
            (node.code, f"{'  ' * node.depth}{node.code} {node.title}")
            for node in criteria.framework.nodes
        ]
        people = {m.user.pk: m for m in appraisers}
        no_department = _("no department")  # outside the f-string so xgettext extracts it
        self.fields["appraiser"].choices = [
            (pk, f"{m.user} ({m.department or no_department})")
            for pk, m in sorted(people.items(), key=lambda item: str(item[1].user))
        ]
