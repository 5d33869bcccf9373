"""The file itself: size, format, macros, passwords, damage and unsafe content (checked in
sniff.py before any parser touches the bytes)."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "file_too_large",
        "error",
        "The file is {size_mb:.1f} MB; the limit is {limit_mb:g} MB.",
        "Remove pasted images or extra sheets, or split the file.",
    ),
    IssueKind(
        "file_empty",
        "error",
        "The file is empty.",
        "Upload the saved questionnaire file again.",
    ),
    IssueKind(
        "file_missing",
        "error",
        "There is no file at {path}.",
        "Check the file name and folder.",
    ),
    IssueKind(
        "not_xlsx_csv",
        "error",
        "This looks like a CSV or text file. Upload the questionnaire as an Excel workbook "
        "(.xlsx).",
        "Open the file and use File > Save As > Excel Workbook (.xlsx).",
    ),
    IssueKind(
        "not_xlsx_pdf",
        "error",
        "This is a PDF document, not a spreadsheet. Upload the questionnaire as an Excel "
        "workbook (.xlsx).",
        "Upload the filled .xlsx questionnaire itself, not a PDF printed from it.",
    ),
    IssueKind(
        "not_xlsx_xls",
        "error",
        "This is an old-style Excel file (.xls). Open it and save it as an Excel Workbook (.xlsx).",
        "Open the file and use File > Save As > Excel Workbook (.xlsx).",
    ),
    IssueKind(
        "not_xlsx_other",
        "error",
        "This is not an Excel workbook (.xlsx). Upload the questionnaire file roam generated.",
        "Download a roam template, fill it in and upload that .xlsx file.",
    ),
    IssueKind(
        "macro_enabled",
        "error",
        "The workbook contains macros. Save it as a plain Excel Workbook (.xlsx) without macros.",
        "Save as 'Excel Workbook (.xlsx)', not as a macro-enabled workbook.",
    ),
    IssueKind(
        "encrypted",
        "error",
        "The workbook is password-protected. Remove the password (File > Info > Protect) and save "
        "it again.",
        "Remove the password (File > Info > Protect Workbook) and save again.",
    ),
    IssueKind(
        "corrupt",
        "error",
        "The workbook is damaged and cannot be opened ({detail}).",
        "Open the file in your spreadsheet program, save it again and re-upload.",
    ),
    IssueKind(
        "zip_bomb",
        "error",
        "The workbook unpacks to {unpacked_mb:.0f} MB from {size_mb:.2f} MB, far more than a "
        "questionnaire needs; it was refused as unsafe.",
        "Upload the questionnaire roam generated, filled in, nothing else.",
    ),
    IssueKind(
        "doctype",
        "error",
        "The part {part} of the workbook declares a document type (DOCTYPE); spreadsheet "
        "programs never write one, so the file was refused as unsafe.",
        "Open the file in your spreadsheet program, save it as a new .xlsx and upload that.",
    ),
    IssueKind(
        "over_time_budget",
        "error",
        "Reading this workbook took longer than {seconds:g} seconds, far longer than a "
        "questionnaire needs; it was stopped and refused so the server stays available.",
        "Upload the questionnaire roam generated, filled in; remove pasted data or extra sheets.",
    ),
    IssueKind(
        "over_memory_budget",
        "error",
        "Reading this workbook needed more than {memory_mb:g} MB of memory, far more than a "
        "questionnaire needs; it was stopped and refused so the server stays available.",
        "Upload the questionnaire roam generated, filled in; remove pasted data or extra sheets.",
    ),
    IssueKind(
        "reader_failed",
        "error",
        "roam could not finish reading this workbook (internal error {detail}); nothing was "
        "stored.",
        "Send the file to the roam maintainers so the reader can be fixed.",
    ),
)
