"""Review: MAB members and workshop participants rate the draft findings of an open round; the
national team sees balance first, then agreement per group, distributions and the comment log.

Everything goes through roam.service.reviews (access checked and audited there)."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import streamlit as st

from roam.access import AccessDenied, decide
from roam.framework import load_framework
from roam.i18n import N_, _, current_language
from roam.questionnaire.vocab import vocabulary
from roam.review import record
from roam.review.charts import (
    agreement_frame,
    agreement_heatmap,
    distribution_chart,
    distribution_frame,
)
from roam.review.findings import finding_title
from roam.review.issues import how_to_fix
from roam.review.model import KIND_NAMES, MINIMUM_STATUS, RoundData
from roam.review.rules import review_rules
from roam.service import StoreError, reviews
from roam.ui import common, state
from roam.ui.auth import current_user

NOT_RATED = N_("(not rated)")
KINDS = (N_("MAB review"), N_("validation workshop"))
OUTCOMES = (N_("accepted"), N_("changed"), N_("noted"))  # review.yaml's outcome codes


def render() -> None:
    st.title(_("Review"))
    st.write(
        _(
            "The Multistakeholder Advisory Board and the national validation workshop rate "
            "each draft finding. A finding is validated by rough consensus: a high share agrees "
            "and no stakeholder group is left mostly opposed."
        )
    )
    user = current_user()
    store = state.get_store()
    _open_form(store, user)
    rounds = reviews.visible_rounds(store, user)
    if not rounds:
        st.info(_("No review round is open to you."), icon=":material/rate_review:")
        return
    labels = [f"{d.title(d.name)} - {_(d.state)}" for d in rounds]
    index = st.selectbox(
        _("Review round"), range(len(rounds)), format_func=labels.__getitem__, key="review_round"
    )
    data = rounds[index]
    allowed = {
        a: decide(user, f"review_{a}", data.country, data.state).allowed  # type: ignore[arg-type]
        for a in ("rate", "results", "manage")
    }
    if allowed["manage"] and data.is_open:
        _sheets(store, user, data)
    if allowed["rate"] and data.is_open:
        _rate(store, user, data)
    if allowed["results"]:
        _results(store, user, data, allowed["manage"])


# ------------------------------------------------------------------------ running a round


def _open_form(store, user) -> None:
    """Open a round on a validated (or later) assessment the user may run rounds for."""
    candidates = [
        a
        for a in state.assessments()
        if a.status in MINIMUM_STATUS and decide(user, "review_manage", a.country).allowed  # type: ignore[arg-type]
    ]
    if not candidates:
        return
    with st.expander(_("Open a review round")):
        names = {
            (a.country, a.year): f"{a.name} ({a.country}) {a.year} - {common.status_name(a.status)}"
            for a in candidates
        }
        choice = st.selectbox(
            _("Assessment"), list(names), format_func=names.get, key="open_assessment"
        )
        kind = st.radio(
            _("Kind"),
            list(KIND_NAMES),
            format_func=common.in_language(lambda k: _(KIND_NAMES[k])),
            key="open_kind",
            horizontal=True,
        )
        if st.button(_("Open the round"), key="open_round"):
            try:
                data = reviews.open_round(store, user, choice[0], year=choice[1], kind=kind)
                st.success(
                    _("Opened {round} with {count} findings.").format(
                        round=data.label, count=len(data.findings)
                    )
                )
            except (AccessDenied, StoreError, ValueError) as exc:
                st.error(str(exc))


def _sheets(store, user, data: RoundData) -> None:
    """Rating workbooks out (a zip, one per participant and a walk-in sheet) and back in."""
    st.header(_("Rating workbooks"))
    if st.toggle(_("Prepare the rating workbooks to send out"), key="prepare_sheets"):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in reviews.rating_sheets(
                store, user, data.country, year=data.year, number=data.number
            ).items():
                z.writestr(name, content)
        st.download_button(
            _("Rating workbooks (.zip)"),
            archive.getvalue(),
            file_name=f"{data.country}_{data.year}_round{data.number}_rating_sheets.zip",
            mime="application/zip",
            key="download_sheets",
        )
    files = st.file_uploader(
        _("Filled rating workbooks (.xlsx)"),
        type=["xlsx"],
        accept_multiple_files=True,
        key="collect_files",
    )
    if files and st.button(_("Collect the ratings"), key="collect_button"):
        try:
            done = reviews.collect(
                store,
                user,
                data.country,
                [(f.name, f.getvalue()) for f in files],
                year=data.year,
                number=data.number,
            )
        except reviews.InvalidRatingSheets as exc:
            st.error(_("{problem}. Fix these and upload again:").format(problem=exc))
            common.table(
                pd.DataFrame(
                    [
                        {
                            _("File"): name,
                            _("Where"): i.location(),
                            _("Finding"): i.indicator or "",
                            _("Problem"): i.text(),
                            _("How to fix it"): how_to_fix(i.code),
                        }
                        for name, report in exc.failures
                        for i in report.errors
                    ]
                )
            )
            return
        except (AccessDenied, StoreError) as exc:
            st.error(str(exc))
            return
        st.success(
            _("Collected {files}.").format(
                files=", ".join(f"{c.filename} ({c.participant})" for c in done)
            )
        )


# ------------------------------------------------------------------------------------ rating


def _rate(store, user, data: RoundData) -> None:
    rules = review_rules(data.framework)
    framework = load_framework(data.framework)
    st.header(_("Your ratings"))
    key, mine = reviews.my_ratings(data, user)
    me = data.participant(key) if key else None
    vocab = vocabulary()
    cols = st.columns(3)
    groups = list(vocab.stakeholder_groups)
    lang = current_language()
    group = cols[0].selectbox(
        _("Your stakeholder group"),
        groups,
        index=groups.index(me.group) if me and me.group in groups else None,
        format_func=common.in_language(lambda g: vocab.label("stakeholder_groups", g, lang)),
        key="rater_group",
    )
    genders = list(vocab.genders)
    gender = cols[1].selectbox(
        _("Gender"),
        genders,
        index=genders.index(me.gender) if me and me.gender in genders else None,
        format_func=common.in_language(lambda g: vocab.label("genders", g, lang)),
        key="rater_gender",
    )
    share = cols[2].checkbox(
        _("My name may appear in the published record"),
        value=bool(me and me.share_name),
        key="rater_share",
    )
    themes = [f for f in data.findings if f["kind"] == "theme"]
    theme = st.selectbox(
        _("Theme"),
        [t["id"] for t in themes],
        format_func=common.in_language(
            lambda t: finding_title(next(x for x in themes if x["id"] == t), framework, lang)
        ),
        key="rate_theme",
    )
    shown = [f for f in data.findings if f["id"] == theme or f["id"].startswith(theme + ".")]
    options = [NOT_RATED, *rules.labels]
    for finding in shown:
        label, comment = mine.get(finding["id"], (None, None))
        with st.container(border=True):
            st.text(f"{finding['id']}  {finding_title(finding, framework, lang)}")
            if finding.get("answer"):
                st.text(finding["answer"])
            if finding.get("evidence"):
                st.text(_("Evidence: {evidence}").format(evidence=finding["evidence"]))
            if finding.get("summary"):
                st.text(_("Score: {summary}").format(summary=finding["summary"]))
            c1, c2 = st.columns([1, 2])
            c1.selectbox(
                _("Rating"),
                options,
                index=options.index(label) if label in options else 0,
                format_func=common.in_language(_),
                key=f"rate_{finding['id']}",
            )
            c2.text_input(_("Comment"), value=comment or "", key=f"comment_{finding['id']}")
    if st.button(_("Save my ratings"), type="primary", key="save_ratings"):
        if group is None:
            st.error(_("Choose your stakeholder group first: ratings count per group."))
            return
        ratings = dict(mine)
        for finding in shown:
            chosen = st.session_state.get(f"rate_{finding['id']}")
            text = (st.session_state.get(f"comment_{finding['id']}") or "").strip()
            ratings[finding["id"]] = (None if chosen == NOT_RATED else chosen, text or None)
        person = {"group": group, "gender": gender, "share_name": share}
        try:
            code, n = reviews.rate(
                store,
                user,
                data.country,
                ratings,
                year=data.year,
                number=data.number,
                person=person,
            )
        except (AccessDenied, StoreError) as exc:
            st.error(str(exc))
            return
        rated = sum(1 for r, _comment in ratings.values() if r)
        st.success(
            _("Saved: {rated} finding(s) rated as participant {code} (submission {n}).").format(
                rated=rated, code=code, n=n
            )
        )


# ----------------------------------------------------------------------------------- results


def _results(store, user, data: RoundData, manage: bool) -> None:
    rules = review_rules(data.framework)
    st.header(_("Participation balance"))
    balance = record.round_balance(data)
    st.write(balance.summary())
    common.table(
        pd.DataFrame(
            [
                {
                    _("Stakeholder group"): vocabulary().label(
                        "stakeholder_groups", g, current_language()
                    ),
                    _("Raters"): v["raters"],
                    _("MAB members"): v["mab"],
                }
                for g, v in balance.by_group.items()
            ]
        )
    )
    if balance.missing_groups:
        st.warning(
            _(
                "Did not take part: {groups}. Verdicts below speak for the groups that rated only."
            ).format(
                groups=", ".join(
                    vocabulary().label("stakeholder_groups", g, current_language())
                    for g in balance.missing_groups
                )
            )
        )
    status = record.status(data, rules)
    st.header(_("Verdicts"))
    counts = pd.Series([f["verdict"] for f in status["findings"]]).value_counts()
    cols = st.columns(len(rules.verdicts))
    for col, (name, style) in zip(cols, rules.verdicts.items(), strict=True):
        col.metric(_(style.label), int(counts.get(name, 0)))
    rated = [f["id"] for f in status["findings"] if f["agree_share"] is not None]
    heat = agreement_frame(data, rules)
    if heat.empty:
        st.info(_("No ratings yet."))
    else:
        common.chart(agreement_heatmap(heat, rules, rated))
        common.chart(distribution_chart(distribution_frame(data, rules), rules, rated))
    by_id = {f["id"]: f for f in data.findings}
    common.table(
        pd.DataFrame(
            [
                {
                    _("Finding"): f["id"],
                    _("Title"): by_id[f["id"]]["title"],
                    _("Verdict"): _(rules.verdict_label(f["verdict"])),
                    _("% agreeing"): None if f["agree_share"] is None else 100 * f["agree_share"],
                    _("Comments"): f["comments"],
                    _("Unanswered"): f["open_comments"],
                }
                for f in status["findings"]
            ]
        ).round(0)
    )
    _comments(store, user, data, rules, manage)


def _comments(store, user, data: RoundData, rules, manage: bool) -> None:
    st.header(_("Comment log"))
    if not data.comments:
        st.caption(_("No comments in this round."))
    else:
        common.table(
            pd.DataFrame(
                [
                    {
                        _("Comment"): c.id,
                        _("Group"): c.group,
                        _("Text"): c.text,
                        _("Response"): _(c.outcome) if c.outcome else _("unanswered"),
                        _("Reasons"): c.reason,
                    }
                    for c in data.comments
                ]
            )
        )
    if not (manage and data.is_open):
        return
    open_ids = [c.id for c in data.comments if c.open]
    if open_ids:
        with st.form("answer_form"):
            chosen = st.selectbox(_("Comment to answer"), open_ids, key="answer_comment")
            outcome = st.selectbox(
                _("Response"),
                list(rules.outcomes),
                format_func=common.in_language(lambda o: _(rules.outcomes[o])),
                key="answer_outcome",
            )
            reason = st.text_input(_("Reasons"), key="answer_reason")
            if st.form_submit_button(_("Record the response")):
                try:
                    reviews.answer(
                        store,
                        user,
                        data.country,
                        chosen,
                        outcome,
                        reason,
                        year=data.year,
                        number=data.number,
                    )
                    st.success(_("Answered {comment}.").format(comment=chosen))
                    st.rerun()
                except (AccessDenied, StoreError) as exc:
                    st.error(str(exc))
    if st.button(_("Close the round"), key="close_round", disabled=bool(open_ids)):
        try:
            reviews.close(store, user, data.country, year=data.year, number=data.number)
            st.success(_("Closed {round}.").format(round=data.label))
            st.rerun()
        except (AccessDenied, StoreError) as exc:
            st.error(str(exc))
    if open_ids:
        st.caption(
            _("{count} comment(s) need a response before the round can close.").format(
                count=len(open_ids)
            )
        )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
