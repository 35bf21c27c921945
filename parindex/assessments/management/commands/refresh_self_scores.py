"""`manage.py refresh_self_scores [--campaign ID]`: recompute the dashboard's self-score
summaries from the entries (after an engine upgrade, or entries bulk-loaded outside the
services). Each campaign in its own transaction."""

from django.core.management.base import BaseCommand
from django.db import transaction

from parindex.assessments.models import Campaign
from parindex.assessments.self_scores import refresh_self_scores

BATCH = 500  # assessments per query: bounded memory at national scale


class Command(BaseCommand):
    help = "Recompute the self-score summary of every assessment (or one campaign's)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--campaign", type=int, help="only this campaign (its id)")

    def handle(self, *args, **options) -> None:
        campaigns = Campaign.objects.select_related("framework").order_by("pk")
        if options["campaign"] is not None:
            campaigns = campaigns.filter(pk=options["campaign"])
        count = 0
        for campaign in campaigns:
            assessments = list(campaign.assessments.order_by("pk"))
            with transaction.atomic():
                for start in range(0, len(assessments), BATCH):
                    batch = assessments[start : start + BATCH]
                    for assessment in batch:
                        assessment.campaign = campaign  # no query per assessment
                    refresh_self_scores(batch)
            count += len(assessments)
        self.stdout.write(f"{count} self-score summaries recomputed.")
