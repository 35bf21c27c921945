"""Forms for evidence metadata and uploads. They validate fields; the services do the work."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from parindex.evidence.filetypes import accepted_extensions
from parindex.evidence.models import EvidenceDocument
from parindex.evidence.services import EvidenceMetadata
from parindex.textnorm import nfc

_TEXT_FIELDS = ("number", "issuing_body", "title", "notes")


class MetadataForm(forms.Form):
    number = forms.CharField(
        label=_("Number (số hiệu)"),
        max_length=100,
        required=False,
        help_text=_("e.g. 125/QĐ-UBND"),
    )
    issued_on = forms.DateField(
        label=_("Date issued"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    issuing_body = forms.CharField(label=_("Issuing body"), max_length=255, required=False)
    title = forms.CharField(
        label=_("Title (trích yếu)"), max_length=500, help_text=_("What the document is about.")
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in _TEXT_FIELDS:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = nfc(cleaned[name])
        return cleaned

    def to_metadata(self) -> EvidenceMetadata:
        data = self.cleaned_data
        return EvidenceMetadata(
            title=data["title"],
            number=data["number"],
            issued_on=data["issued_on"],
            issuing_body=data["issuing_body"],
            notes=data["notes"],
        )


class UploadForm(MetadataForm):
    # Empty files get through here so that the service refuses them with its own message.
    file = forms.FileField(
        label=_("File"),
        allow_empty_file=True,
        widget=forms.FileInput(attrs={"accept": ",".join(accepted_extensions())}),
    )

    field_order = ["file", "number", "issued_on", "issuing_body", "title", "notes"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Read per form, not at import, so the limit follows the settings in force.
        self.fields["file"].help_text = gettext(
            "PDF, PNG, JPEG, GIF, WebP, Word (.docx) or Excel (.xlsx); at most %(limit)s."
        ) % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}


class EditMetadataForm(MetadataForm):
    # The version the person saw; a newer one in the database means someone else saved first.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @classmethod
    def for_document(cls, document: EvidenceDocument, data=None) -> "EditMetadataForm":
        initial = {name: getattr(document, name) for name in _TEXT_FIELDS}
        initial["issued_on"] = document.issued_on
        initial["version"] = document.version
        return cls(data=data, initial=initial)
