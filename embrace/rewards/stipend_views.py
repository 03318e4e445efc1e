"""Stipend pages: the months' stipends (committee and finance read), the committee's decision on a proposed
one, finance's payment of an approved one, and proposing this month's now rather than at the next run of the
job. Pages show case references and amounts only; the payment channel goes straight into the sealed file.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from embrace.accounts.decorators import staff_required
from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.approvals.forms import DecisionForm, NotedDecisionForm
from embrace.approvals.models import Status as ApprovalStatus
from embrace.cases.actions import today
from embrace.myanmar import formats
from embrace.rewards import payments, stipend_rates, stipends
from embrace.rewards.models import Payment, Stipend, StipendRate, StipendStatus
from embrace.rewards.money import display
from embrace.rewards.payment_forms import HowPaidForm
from embrace.rewards.stipend_forms import MonthForm, RateForm

# The month picker lists this many months, newest first: two years of history is plenty to act on.
MONTHS_LISTED = 24
# Each row may carry a payment form: a page of them, not every supported case at once.
PER_PAGE = 100


@dataclass
class Row:
    stipend: Stipend
    amount: str
    pay_form: HowPaidForm | None = None
    # The payment that settled it (newest), so the record names who paid, not who approved.
    payment: Payment | None = None


def _month_url(stipend: Stipend) -> str:
    return f"{reverse('rewards:stipends')}?month={stipend.month:%Y-%m}"


def _problem(request: HttpRequest, message: str, status: int, stipend: Stipend | None = None) -> HttpResponse:
    back = _month_url(stipend) if stipend else reverse("rewards:stipends")
    context = {"message": message, "back": back}
    return render(request, "rewards/stipend_problem.html", context, status=status)


@require_GET
@staff_required(Perm.FINANCE_READ)
def stipend_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = MonthForm(request.GET)
    if not form.is_valid():
        return _problem(request, gettext("Choose a month as year and month, e.g. 2024-05."), 400)
    months = list(
        Stipend.objects.values("month")
        .annotate(total=Count("id"), proposed=Count("id", filter=Q(status=StipendStatus.PROPOSED)))
        .order_by("-month")[:MONTHS_LISTED]
    )
    this_month = stipends.first_of_month(today())
    month = form.cleaned_data["month"] or (months[0]["month"] if months else this_month)
    can_pay = user.can(Perm.PAYMENT_RELEASE)
    rows = []
    page = Paginator(
        Stipend.objects.filter(month=month).select_related("case", "approved_by").order_by("case__reference"),
        PER_PAGE,
    ).get_page(request.GET.get("page"))
    paid = {}
    for payment in (
        Payment.objects.filter(stipend__in=list(page)).select_related("released_by").order_by("paid_on", "pk")
    ):
        paid[payment.stipend_id] = payment
    for stipend in page:
        row = Row(stipend, display(stipend.amount_minor, stipend.currency), payment=paid.get(stipend.pk))
        if can_pay and stipend.status == StipendStatus.APPROVED and stipend.approved_by_id != user.pk:
            # One form per row: ids must differ, or every label would point at the first row's inputs.
            row.pay_form = HowPaidForm(owed_currency=stipend.currency, auto_id=f"id_{stipend.pk}_%s")
        rows.append(row)
    rate = stipends.rate_in_force(this_month)
    context = {
        "month": month,
        "months": months,
        "rows": rows,
        "page": page,
        "this_month": this_month,
        "rate": rate,
        "rate_base": display(rate.base_minor, rate.currency) if rate else "",
        "rate_per_dependant": display(rate.per_dependant_minor, rate.currency) if rate else "",
        "can_decide": user.can(Perm.STIPEND_APPROVE),
        "can_pay": can_pay,
    }
    return render(request, "rewards/stipends.html", context)


@require_POST
@staff_required(Perm.STIPEND_APPROVE)
def stipend_decide(request: HttpRequest, stipend_id: str) -> HttpResponse:
    stipend = get_object_or_404(Stipend, pk=stipend_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _problem(request, gettext("Choose to approve or to refuse the stipend."), 400, stipend)
    if not form.approve and request.POST.get("confirm") != "yes":
        # Refusing cannot be undone: the page asks for a tick first, and so does this view.
        return _problem(
            request, gettext("Tick the box to confirm that you refuse this stipend."), 400, stipend
        )
    try:
        stipends.decide_stipend(stipend, approve=form.approve, actor=request.user)  # type: ignore[arg-type]
    except stipends.StipendError as exc:
        return _problem(request, str(exc), exc.status, stipend)
    text = (
        gettext("Stipend for case %(reference)s approved.")
        if form.approve
        else gettext("Stipend for case %(reference)s refused.")
    )
    messages.success(request, text % {"reference": stipend.case.reference})
    return redirect(_month_url(stipend))


@require_POST
@staff_required(Perm.PAYMENT_RELEASE)
@sensitive_post_parameters("channel")
def stipend_pay(request: HttpRequest, stipend_id: str) -> HttpResponse:
    stipend = get_object_or_404(Stipend.objects.select_related("case"), pk=stipend_id)
    form = HowPaidForm(request.POST, owed_currency=stipend.currency)
    status = 400
    if form.is_valid():
        try:
            payment = payments.pay_stipend(stipend, form.how(), actor=request.user)  # type: ignore[arg-type]
        except payments.PaymentError as exc:
            # The form was well made: what is refused now (not approved, paid, your own, no funds) conflicts.
            form.add_error(None, str(exc))
            status = 409
        else:
            shown = display(payment.amount_minor, payment.currency)
            messages.success(
                request,
                gettext("Paid %(amount)s for case %(reference)s.")
                % {"amount": shown, "reference": stipend.case.reference},
            )
            return redirect(_month_url(stipend))
    context = {"stipend": stipend, "amount": display(stipend.amount_minor, stipend.currency), "form": form}
    return render(request, "rewards/stipend_pay.html", context, status=status)


@require_POST
@staff_required(Perm.STIPEND_APPROVE)
def stipends_propose(request: HttpRequest) -> HttpResponse:
    month = stipends.first_of_month(today())
    if stipends.rate_in_force(month) is None:
        return _problem(
            request,
            gettext("No stipend rate is in force for %(month)s.") % {"month": formats.month(month)},
            409,
        )
    try:
        made = stipends.propose_stipends(month, actor=request.user)  # type: ignore[arg-type]
    except stipends.StipendError as exc:
        return _problem(request, str(exc), exc.status)
    messages.success(
        request,
        gettext("%(count)s new stipend(s) proposed for %(month)s.")
        % {"count": formats.local_digits(made), "month": formats.month(month)},
    )
    return redirect(f"{reverse('rewards:stipends')}?month={month:%Y-%m}")


def _rates_page(request: HttpRequest, *, form: RateForm | None = None, status: int = 200) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    this_month = stipends.first_of_month(today())
    in_force = stipends.rate_in_force(this_month)
    can_change = user.can(Perm.STIPEND_APPROVE)
    published = [
        {"rate": rate, "text": stipend_rates.describe(rate), "in_force": rate == in_force}
        for rate in StipendRate.objects.filter(published=True).order_by("-effective_from")
    ]
    waiting = [
        {
            "rate": rate,
            "text": stipend_rates.describe(rate),
            "can_decide": can_change and rate.proposed_by_id != user.pk,
            "can_withdraw": can_change and rate.proposed_by_id == user.pk,
        }
        for rate in StipendRate.objects.filter(published=False, approval__status=ApprovalStatus.PENDING)
        .select_related("proposed_by")
        .order_by("effective_from")
    ]
    context = {
        "published": published,
        "waiting": waiting,
        "this_month": this_month,
        "form": (form or RateForm()) if can_change else None,
        "decision_form": NotedDecisionForm(approve=gettext("Approve and publish")),
    }
    return render(request, "rewards/stipend_rates.html", context, status=status)


@require_GET
@staff_required(Perm.FINANCE_READ)
def rate_list(request: HttpRequest) -> HttpResponse:
    return _rates_page(request)


@require_POST
@staff_required(Perm.STIPEND_APPROVE)
def rate_propose(request: HttpRequest) -> HttpResponse:
    form = RateForm(request.POST)
    if not form.is_valid():
        return _rates_page(request, form=form, status=400)
    data = form.cleaned_data
    try:
        rate = stipend_rates.propose_rate(
            data["effective_from"],
            data["currency"],
            data["base_minor"],
            data["per_dependant_minor"],
            actor=request.user,  # type: ignore[arg-type]
        )
    except stipends.StipendError as exc:
        form.add_error(None, str(exc))
        return _rates_page(request, form=form, status=exc.status)
    messages.success(
        request,
        gettext("Proposed from %(month)s: another committee member must publish it.")
        % {"month": formats.month(rate.effective_from)},
    )
    return redirect("rewards:stipend_rates")


@require_POST
@staff_required(Perm.STIPEND_APPROVE)
def rate_decide(request: HttpRequest, rate_id: int) -> HttpResponse:
    rate = get_object_or_404(StipendRate, pk=rate_id)
    back = reverse("rewards:stipend_rates")
    form = NotedDecisionForm(request.POST)
    if not form.is_valid():
        context = {"message": gettext("Choose to publish or to refuse the rate."), "back": back}
        return render(request, "rewards/stipend_problem.html", context, status=400)
    try:
        stipend_rates.decide_rate(
            rate,
            approve=form.approve,
            actor=request.user,  # type: ignore[arg-type]
            note=form.cleaned_data["note"],
        )
    except stipends.StipendError as exc:
        context = {"message": str(exc), "back": back}
        return render(request, "rewards/stipend_problem.html", context, status=exc.status)
    text = (
        gettext("The rate from %(month)s is published.")
        if form.approve
        else gettext("The rate from %(month)s is refused.")
    )
    messages.success(request, text % {"month": formats.month(rate.effective_from)})
    return redirect(back)


@require_POST
@staff_required(Perm.STIPEND_APPROVE)
def rate_withdraw(request: HttpRequest, rate_id: int) -> HttpResponse:
    rate = get_object_or_404(StipendRate, pk=rate_id)
    try:
        stipend_rates.withdraw_rate(rate, actor=request.user)  # type: ignore[arg-type]
    except stipends.StipendError as exc:
        context = {"message": str(exc), "back": reverse("rewards:stipend_rates")}
        return render(request, "rewards/stipend_problem.html", context, status=exc.status)
    messages.success(
        request,
        gettext("Your proposal from %(month)s is withdrawn.") % {"month": formats.month(rate.effective_from)},
    )
    return redirect("rewards:stipend_rates")


urls: list[URLPattern] = [
    path("stipends/", stipend_list, name="stipends"),
    path("stipends/propose/", stipends_propose, name="stipends_propose"),
    path("stipends/<uuid:stipend_id>/decide/", stipend_decide, name="stipend_decide"),
    path("stipends/<uuid:stipend_id>/pay/", stipend_pay, name="stipend_pay"),
    path("stipends/rates/", rate_list, name="stipend_rates"),
    path("stipends/rates/propose/", rate_propose, name="stipend_rate_propose"),
    path("stipends/rates/<int:rate_id>/decide/", rate_decide, name="stipend_rate_decide"),
    path("stipends/rates/<int:rate_id>/withdraw/", rate_withdraw, name="stipend_rate_withdraw"),
]
