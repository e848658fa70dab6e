"""`docspec server` end to end through pytest-lsp: diagnostics, code actions, hover, the
outline, and the latency of a lint per change on the largest corpus page."""

import asyncio
import os
import pathlib
import time

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import CORPUS, TRANSCRIPTS


def open_page(client: LanguageClient, path: pathlib.Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text if text is not None else path.read_text()
            )
        )
    )
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """Waits until the diagnostics of `version` of `uri` arrive."""
    deadline = time.monotonic() + 60
    while True:
        published = client.diagnostics.get(uri)
        if published is not None and getattr(client, "_versions", {}).get(uri) == version:
            return list(published)
        params = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), deadline - time.monotonic()
        )
        client.__dict__.setdefault("_versions", {})[params.uri] = params.version


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Applies LSP edits (the fixtures are ASCII, so UTF-16 columns are bytes)."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def test_diagnostics_on_open(client: LanguageClient, workspace: pathlib.Path):
    uri = open_page(client, workspace / "CU010.md")
    found = await diagnostics_for(client, uri, 1)
    mismatch = [d for d in found if d.code == "CU010"]
    assert mismatch, found
    d = mismatch[0]
    assert d.source == "docspec"
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.code_description.href.endswith("docs/rules.md#cu010")
    assert d.related_information and d.related_information[0].message == "request line"


async def test_code_action_fixes_and_the_finding_goes(client: LanguageClient, workspace: pathlib.Path):
    path = workspace / "widgets.md"
    text = path.read_text()
    uri = open_page(client, path)
    found = await diagnostics_for(client, uri, 1)
    required = next(d for d in found if d.code == "AT004")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=required.range,
            context=types.CodeActionContext(diagnostics=[required]),
        )
    )
    preferred = [a for a in actions if a.is_preferred]
    assert len(preferred) == 1 and preferred[0].title.startswith("Write `Yes`"), actions
    kinds = {a.kind for a in actions}
    assert "source.fixAll.docspec" in kinds and types.CodeActionKind.QuickFix in kinds
    fixed = apply_edits(text, preferred[0].edit.changes[uri])
    change(client, uri, 2, fixed)
    after = await diagnostics_for(client, uri, 2)
    assert "AT004" not in {d.code for d in after}
    assert "CU001" in {d.code for d in after}


async def test_hover_and_outline(client: LanguageClient, workspace: pathlib.Path):
    path = workspace / "widgets.md"
    uri = open_page(client, path)
    await diagnostics_for(client, uri, 1)
    lines = path.read_text().splitlines()
    row = next(i for i, l in enumerate(lines) if l.startswith("| `name`"))
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [s.name for s in symbols] == ["POST /widgets"]
    assert symbols[0].kind == types.SymbolKind.Method
    page = path.read_text().replace("POST /widgets", "POST /widgets", 1)
    page += "\n<!-- docspec-disable-next-line CU003 -->\n"
    change(client, uri, 2, page)
    await diagnostics_for(client, uri, 2)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=len(page.splitlines()) - 1, character=len("<!-- docspec-disable-next-line CU0")),
        )
    )
    assert hover.contents.value.startswith("**CU003** `curl-url-option`"), hover
    assert row > 0


async def test_corpus_page_latency_and_transcript(corpus_client: LanguageClient):
    client = corpus_client
    path = CORPUS / "issues.md"
    text = path.read_text()
    uri = open_page(client, path)
    found = await diagnostics_for(client, uri, 1)
    assert len(found) > 20, found
    # A code action on the first fixable finding, applied to the buffer (never saved).
    action, target = None, None
    for d in found:
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=d.range,
                context=types.CodeActionContext(diagnostics=[d]),
            )
        )
        preferred = [a for a in actions or [] if a.is_preferred]
        if preferred:
            action, target = preferred[0], d
            break
    assert action is not None
    fixed = apply_edits(text, action.edit.changes[uri])
    change(client, uri, 2, fixed)
    after = await diagnostics_for(client, uri, 2)
    assert len(after) == len(found) - 1 or target not in after

    # Latency: CPU time the server spends per change, each change linted (no debounce).
    pid = client._server.pid
    ticks = os.sysconf("SC_CLK_TCK")

    def cpu_seconds() -> float:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    changes = 20
    start_cpu, start_wall = cpu_seconds(), time.monotonic()
    lines = fixed.split("\n")
    edited_line = next(i for i, l in enumerate(lines) if l.startswith("| `"))
    for n in range(changes):
        lines[edited_line] = lines[edited_line] + " x" if n % 2 == 0 else lines[edited_line][:-2]
        change(client, uri, 3 + n, "\n".join(lines))
        await diagnostics_for(client, uri, 3 + n)
    cpu = (cpu_seconds() - start_cpu) / changes
    wall = (time.monotonic() - start_wall) / changes
    server_ms = [
        int(m.message.rsplit(" in ", 1)[1].split()[0])
        for m in client.log_messages
        if m.message.startswith("docspec: linted") and "issues.md" in m.message
    ][-changes:]
    assert cpu < 2.0, f"{cpu:.3f} s of CPU per change"

    TRANSCRIPTS.mkdir(parents=True, exist_ok=True)
    binary = os.environ.get("DOCSPEC", "target/debug/docspec")
    edit = action.edit.changes[uri][0]
    project = next((m.message for m in client.log_messages if "issues.md" in m.message), "")
    codes: dict[str, int] = {}
    for d in found:
        codes[d.code] = codes.get(d.code, 0) + 1
    transcript = [
        f"# pytest-lsp transcript ({binary})",
        "",
        f"opened {path.name} ({len(text)} bytes) from the corpus",
        f"diagnostics received (version 1): {len(found)}",
        "by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())),
        "first three:",
        *[f"  {d.range.start.line + 1}:{d.range.start.character + 1} {d.code} {d.message.splitlines()[0]}" for d in found[:3]],
        f"code action applied: {action.title!r} on {target.code} at line {target.range.start.line + 1}",
        f"  edit at {edit.range.start.line + 1}:{edit.range.start.character + 1}-{edit.range.end.line + 1}:"
        f"{edit.range.end.character + 1}, new text: {edit.new_text[:120]!r}{'...' if len(edit.new_text) > 120 else ''}",
        f"diagnostics after (version 2): {len(after)}",
        f"latency over {changes} changes of issues.md, each linted (debounce 0):",
        f"  server CPU time per change: {cpu * 1000:.1f} ms",
        f"  change-to-diagnostics wall time per change: {wall * 1000:.1f} ms",
        f"  lint time the server logged (ms): {server_ms}",
        f"server log of the first lint: {project}",
        "",
    ]
    (TRANSCRIPTS / "pytest-transcript.md").write_text("\n".join(transcript))
    print("\n".join(transcript))
