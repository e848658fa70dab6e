"""A pytest-lsp client driving `docspec server` (the binary in $DOCSPEC)."""

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCSPEC = os.environ.get("DOCSPEC", str(ROOT / "target" / "debug" / "docspec"))
FIXTURES = ROOT / "doc-fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "gitlab" / "doc" / "api"
TRANSCRIPTS = ROOT / "target" / "lsp"


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    """A folder with copies of fixture pages the tests may edit."""
    shutil.copy(FIXTURES / "report" / "widgets.md", tmp_path / "widgets.md")
    shutil.copy(FIXTURES / "rules" / "CU010.md", tmp_path / "CU010.md")
    return tmp_path


def init_params(root: pathlib.Path, client: str, debounce_ms: int = 50) -> types.InitializeParams:
    return types.InitializeParams(
        capabilities=client_capabilities(client),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options={"debounceMs": debounce_ms},
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[DOCSPEC, "server", "--stdio"]))
async def client(lsp_client: LanguageClient, workspace: pathlib.Path):
    await lsp_client.initialize_session(init_params(workspace, "visual-studio-code"))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[DOCSPEC, "server"]))
async def corpus_client(lsp_client: LanguageClient):
    if not CORPUS.is_dir():
        pytest.skip(f"the GitLab corpus is not at {CORPUS}")
    # No debounce: every change is linted, so the cost per change is measured.
    await lsp_client.initialize_session(init_params(CORPUS, "neovim", debounce_ms=0))
    yield
    await lsp_client.shutdown_session()
