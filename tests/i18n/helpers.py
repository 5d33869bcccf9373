"""Turn an English filled questionnaire into the same answers typed in another language."""

from __future__ import annotations

from roam.framework.catalogue import ChoiceScale, Framework
from roam.questionnaire import layout as L
from roam.questionnaire.vocab import vocabulary
from tests.helpers import edit_xlsx

LOCAL_DIGITS = {"ar": str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")}


def local_number(value: float, lang: str) -> str:
    """A number as a person writing `lang` types it: decimal comma, Arabic-Indic digits."""
    text = repr(float(value)).removesuffix(".0")
    if lang in LOCAL_DIGITS:
        return text.translate(LOCAL_DIGITS[lang])
    return text.replace(".", ",")


def retype(data: bytes, fw: Framework, lang: str, *, numbers_as_text: bool = True) -> bytes:
    """Answers, statuses, groups and genders in `lang`; numbers typed with a decimal comma."""
    vocab = vocabulary()
    status_of = {vocab.status_label(s.code): s.code for s in vocab.data_statuses}

    def change(wb) -> None:
        for sheet in vocab.category_sheets.values():
            ws = wb[sheet]
            header = {c.value: c.column for c in ws[L.HEADER_ROW + 1]}
            col = {key: header[label] for key, label, _ in L.COLUMNS if label in header}
            for row in range(L.HEADER_ROW + 2, ws.max_row + 1):
                ind = ws.cell(row, col["indicator_id"]).value
                if ind not in fw.by_id:
                    continue
                scale = fw.scale_of(ind)
                answer = ws.cell(row, col["answer"])
                if isinstance(scale, ChoiceScale) and answer.value is not None:
                    index = scale.labels.index(answer.value)
                    answer.value = fw.level_label(scale.id, index, lang)
                value = ws.cell(row, col["value"])
                if numbers_as_text and isinstance(value.value, int | float):
                    value.value = local_number(value.value, lang)
                status = ws.cell(row, col["status"])
                if status.value in status_of:
                    status.value = vocab.label("statuses", status_of[status.value], lang)
        ws = wb[L.MAB]
        header = {c.value: c.column for c in ws[1]}
        for key, kind in (("group", "stakeholder_groups"), ("gender", "genders")):
            label = dict((k, v) for k, v, _ in L.MAB_COLUMNS)[key]
            for row in range(2, ws.max_row + 1):
                cell = ws.cell(row, header[label])
                if cell.value:
                    cell.value = vocab.label(kind, cell.value, lang)
        # the dropdowns of an English template would refuse the retyped values in Excel;
        # roam's reader must accept them all the same
        for ws in wb.worksheets:
            ws.data_validations.dataValidation = []

    return edit_xlsx(data, change)
