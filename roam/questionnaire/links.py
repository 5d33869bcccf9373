"""The questionnaire copy that goes into a package carries no links out of the workbook.

A workbook may link to another file (`\\\\host\\share\\book.xlsx`, a URL) or ask another program
for data (DDE, `=cmd|'/c calc'!A1`). Whoever opens the package must not be asked to follow them,
so the packaged copy loses the external link parts and every formula that uses one, keeping the
values last calculated. The store keeps the uploaded bytes as they were.

Edits are made on the XML bytes with `find` (linear, no regular expressions, no re-serialising
that would rename namespace prefixes Excel relies on).
"""

from __future__ import annotations

import io
import zipfile

from roam.questionnaire.scan import is_dde

LINK_FOLDER = "xl/externalLinks/"
CALC_CHAIN = "xl/calcChain.xml"


def strip_external_links(data: bytes) -> bytes:
    """`data` without external link parts or formulas that use them; unchanged bytes when
    there is nothing to strip (or the file is not a readable workbook)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError):
        return data
    sheets = [name for name in parts if name.startswith("xl/worksheets/") and name[-4:] == ".xml"]
    edited = {name: _strip_formulas(parts[name]) for name in sheets}
    edited = {name: xml for name, xml in edited.items() if xml is not None}
    links = [name for name in parts if name.startswith(LINK_FOLDER)]
    if not links and not edited:
        return data
    drop = set(links)
    if edited:
        drop.add(CALC_CHAIN)  # it lists formula cells; Excel rebuilds it when it is missing
    gone = {"/" + name for name in drop}
    for name, xml in edited.items():
        parts[name] = xml
    if "[Content_Types].xml" in parts:
        parts["[Content_Types].xml"] = _drop_elements(
            parts["[Content_Types].xml"], b"<Override", lambda e: _names_part(e, gone)
        )
    rels = "xl/_rels/workbook.xml.rels"
    if rels in parts:
        parts[rels] = _drop_elements(
            parts[rels],
            b"<Relationship",
            lambda e: b"externalLinks/" in e or (b"calcChain" in e and CALC_CHAIN in drop),
        )
    if "xl/workbook.xml" in parts:
        book = parts["xl/workbook.xml"]
        book = _drop_block(book, b"<externalReferences", b"</externalReferences>")
        parts["xl/workbook.xml"] = _drop_elements(book, b"<definedName", _external_formula)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in infos:
            if info.filename not in drop:
                copy.writestr(info, parts[info.filename], zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _names_part(element: bytes, gone: set[str]) -> bool:
    return any(f'"{name}"'.encode() in element for name in gone) or b"/xl/externalLinks/" in element


def _external_formula(element: bytes) -> bool:
    """A formula (or defined name) that reads another workbook ([1]Sheet!A1) or program (DDE)."""
    text = element.decode("utf-8", "replace")
    start = text.find(">")
    body = text[start + 1 :] if start >= 0 else text
    return _book_index(body) or is_dde(_unescape(body))


def _book_index(text: str) -> bool:
    """`[1]`: the way a formula names an external workbook."""
    pos = text.find("[")
    while pos >= 0:
        end = text.find("]", pos)
        if end < 0:
            return False
        if end > pos + 1 and text[pos + 1 : end].isdigit():
            return True
        pos = text.find("[", end)
    return False


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


def _element_end(xml: bytes, start: int, closing: bytes) -> int:
    """End (exclusive) of the element starting at `start`: self-closing or up to `closing`."""
    tag_end = xml.find(b">", start)
    if tag_end < 0:
        return len(xml)
    if xml[tag_end - 1 : tag_end] == b"/":
        return tag_end + 1
    close = xml.find(closing, tag_end)
    return len(xml) if close < 0 else close + len(closing)


def _drop_elements(xml: bytes, opening: bytes, drop) -> bytes:  # type: ignore[no-untyped-def]
    """Remove each element starting with `opening` for which `drop(element_bytes)` is true."""
    closing = b"</" + opening[1:] + b">"
    out, pos = [], 0
    while True:
        start = xml.find(opening, pos)
        if start < 0:
            break
        follow = xml[start + len(opening) : start + len(opening) + 1]
        if follow not in (b" ", b">", b"/", b"\t", b"\n", b"\r"):
            out.append(xml[pos : start + len(opening)])
            pos = start + len(opening)
            continue
        end = _element_end(xml, start, closing)
        out.append(xml[pos:start])
        if not drop(xml[start:end]):
            out.append(xml[start:end])
        pos = end
    out.append(xml[pos:])
    return b"".join(out)


def _drop_block(xml: bytes, opening: bytes, closing: bytes) -> bytes:
    start = xml.find(opening)
    if start < 0:
        return xml
    return xml[:start] + xml[_element_end(xml, start, closing) :]


def _strip_formulas(xml: bytes) -> bytes | None:
    """The sheet without formulas that use external links or DDE (their cached values stay);
    None when it has none. Shared formulas that hang on a removed one go with it."""
    if b"<f" not in xml:
        return None
    removed_groups: set[bytes] = set()

    def external(element: bytes) -> bool:
        if _external_formula(element):
            group = _attribute(element, b"si")
            if group is not None and b' t="shared"' in element:
                removed_groups.add(group)
            return True
        return False

    stripped = _drop_elements(xml, b"<f", external)
    if removed_groups:
        stripped = _drop_elements(
            stripped,
            b"<f",
            lambda e: b' t="shared"' in e and _attribute(e, b"si") in removed_groups,
        )
    return None if stripped == xml else stripped


def _attribute(element: bytes, name: bytes) -> bytes | None:
    tag = element[: element.find(b">") + 1]
    start = tag.find(b" " + name + b'="')
    if start < 0:
        return None
    start += len(name) + 3
    end = tag.find(b'"', start)
    return tag[start:end] if end > start else None
