"""`manage.py take_results_snapshot CAMPAIGN --as USERNAME [--final]`: take a provisional (or
final) snapshot from the command line, as that organiser would from the results page — e.g. a
nightly provisional snapshot while appraisal runs. Same permission checks and audit entry."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from parindex.assessments.models import Campaign
from parindex.results import services


class Command(BaseCommand):
    help = "Take a provisional (or, with --final, the final) result snapshot of a campaign."

    def add_arguments(self, parser) -> None:
        parser.add_argument("campaign", type=int, help="the campaign's id")
        parser.add_argument("--as", dest="username", required=True, help="an organiser's login")
        parser.add_argument("--final", action="store_true", help="the final snapshot")

    def handle(self, *args, campaign: int, username: str, final: bool, **options) -> None:
        try:
            found = Campaign.objects.select_related("framework", "jurisdiction").get(pk=campaign)
            actor = get_user_model().objects.get(username=username, is_active=True)
        except (Campaign.DoesNotExist, get_user_model().DoesNotExist) as error:
            raise CommandError(str(error)) from error
        take = services.take_final if final else services.take_provisional
        try:
            snapshot = take(actor, found)
        except PermissionDenied as error:
            raise CommandError(f"{username} may not take snapshots of this campaign.") from error
        except services.SnapshotRefused as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"{snapshot.get_kind_display()} snapshot {snapshot.pk} of {found}: "
            f"{snapshot.summary['units']} units."
        )
