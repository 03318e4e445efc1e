"""Vetting: is an enquirer genuine, or a plant? Checks, independent sign-offs and suspected-plant flags.

What reviewers write and decide (evidence and each check's result, verdicts and their reasons, a flag's
reasons) is sealed to the case's ``vetting`` compartment, which only vetting reviewers and custodians hold:
never the enquirer, never the handler who talks to them. What the gate before "passage approved" needs stays
in clear as two yes/nos per case: ``CaseVetting.cleared_for_passage`` (worked out at each sign-off by the
signer's own keys) and ``CaseVetting.plant_flag_stands``. Everything else about suspected-plant flags — that
one was ever raised, by whom, when, why, who cleared it — is one sealed log (``CaseVetting.plant_flags``, see
``flags.py``), so a seized database does not say which enquirers a reviewer once doubted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from embrace.cases.models import Case
from embrace.vault.models import Compartment

# The titles of the first checklist (migration 0002), marked so the catalogs carry their translations. A title
# added later as data shows as it was written until the catalogs carry it too.
SEEDED_CHECK_TITLES = (
    gettext_noop("Identity document seen on video"),
    gettext_noop("Unit and command chain consistent"),
    gettext_noop("Knowledge questions answered"),
    gettext_noop("Equipment photographed with a fresh challenge code"),
    gettext_noop("Vouched for by an earlier defector of the same unit"),
    gettext_noop("Repeat interview by a second handler"),
)


class CheckDefinition(models.Model):
    """One item of the programme's checklist. Retired items stay (``active=False``) so old results keep
    their meaning; new cases are checked against the active ones, in ``position`` order."""

    code = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField()
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The title in the reader's language, where the catalogs translate it."""
        return gettext(self.title) if self.title else self.title


class CaseVetting(models.Model):
    """The case's vetting compartment, kept here so the Case model needs no vetting field."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="vetting")
    compartment = models.OneToOneField(Compartment, on_delete=models.PROTECT, related_name="+")
    # The gate's one clear fact: two independent reviewers found the enquirer genuine. Worked out at each
    # sign-off by the signer, who opens the sealed verdicts with their own keys; ``cleared_by`` names the two
    # whose verdicts counted, so the gate can tell when one of them no longer may (now the handler, no
    # longer a reviewer) without reading any verdict.
    cleared_for_passage = models.BooleanField(default=False)
    cleared_by = models.JSONField(default=list, blank=True)
    # The gate's other clear fact: a suspected-plant flag stands now. Set by the raise and clear actions.
    plant_flag_stands = models.BooleanField(default=False)
    # Every flag ever raised on the case, with raiser, dates, reasons and clearing, as one envelope sealed to
    # the vetting compartment and padded (``flags.py``); an empty log is sealed when the compartment is made,
    # so a case whose flags were all cleared looks like one never flagged.
    plant_flags = models.BinaryField(default=b"")

    def __str__(self) -> str:
        return f"vetting of {self.case_id}"


class Result(models.TextChoices):
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")
    UNCLEAR = "unclear", _("Unclear")


class CaseCheck(models.Model):
    """One reviewer's result for one check on one case. Append-only: recording again adds a row, and the
    newest row of each reviewer counts, so an earlier "fail" cannot be quietly overwritten."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="vetting_checks")
    definition = models.ForeignKey(CheckDefinition, on_delete=models.PROTECT, related_name="results")
    # Pass, fail or unclear, sealed to the vetting compartment: a failed check says "doubtful" in clear.
    result = models.BinaryField()
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField()
    # What was seen and how, sealed to the vetting compartment.
    evidence = models.BinaryField()

    class Meta:
        ordering = ["case", "definition__position", "pk"]
        indexes = [models.Index(fields=["case", "definition", "reviewer"], name="vetting_check_lookup")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.definition_id}"


class Verdict(models.TextChoices):
    GENUINE = "genuine", _("Genuine")
    NOT_GENUINE = "not_genuine", _("Not genuine")
    UNSURE = "unsure", _("Unsure")


class SignOff(models.Model):
    """A reviewer's verdict on the whole case: once per reviewer, never by the case's handler."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="vetting_sign_offs")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Genuine, not genuine or unsure, sealed to the vetting compartment.
    verdict = models.BinaryField()
    signed_on = models.DateField()
    # The reviewer's reasons, sealed to the vetting compartment.
    note = models.BinaryField()

    class Meta:
        ordering = ["case", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "reviewer"], name="one_sign_off_per_reviewer"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.reviewer_id}"
