-- Neovim's built-in LSP client against `docspec server`: open a page, read the
-- diagnostics, apply a code action, and check the finding it fixed is gone.
-- Runs on Neovim 0.7 (Debian 12) and later: only APIs that exist there are used.
-- Environment: DOCSPEC (the binary), PAGES (`path|root` pairs separated by `;`),
-- TRANSCRIPT (where to write what happened).

local docspec = assert(os.getenv('DOCSPEC'), 'DOCSPEC is not set')
local transcript_path = assert(os.getenv('TRANSCRIPT'), 'TRANSCRIPT is not set')
local lines = {}

local function log(text)
  table.insert(lines, text)
end

local function finish(code)
  vim.fn.writefile(lines, transcript_path)
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

local function fail(message)
  log('FAIL: ' .. message)
  finish(1)
end

local function summary(diagnostics)
  local counts, order = {}, {}
  for _, d in ipairs(diagnostics) do
    local code = tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?')
    if counts[code] == nil then
      counts[code] = 0
      table.insert(order, code)
    end
    counts[code] = counts[code] + 1
  end
  table.sort(order)
  local parts = {}
  for _, code in ipairs(order) do
    table.insert(parts, code .. ' ' .. counts[code])
  end
  return table.concat(parts, ', ')
end

local function code_of(d)
  return tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?')
end

local function check(path, root)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'docspec',
    cmd = { docspec, 'server' },
    root_dir = root,
    init_options = { debounceMs = 50 },
  })
  if not client_id then
    fail('the client did not start')
  end
  vim.lsp.buf_attach_client(buf, client_id)
  local started = vim.loop.hrtime()
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    fail('no diagnostics for ' .. path)
  end
  local diagnostics = vim.diagnostic.get(buf)
  log(string.format('opened %s: %d diagnostics after %.0f ms', vim.fn.fnamemodify(path, ':t'), #diagnostics,
    (vim.loop.hrtime() - started) / 1e6))
  log('  by code: ' .. summary(diagnostics))
  for i = 1, math.min(3, #diagnostics) do
    local d = diagnostics[i]
    log(string.format('  %d:%d %s %s', d.lnum + 1, d.col + 1, code_of(d), vim.split(d.message, '\n')[1]))
  end

  -- The first finding with a preferred (safe) fix: ask for actions on its line.
  for _, d in ipairs(diagnostics) do
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.end_lnum + 1, character = 0 } },
      context = { diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000) or {}
    for _, response in pairs(responses) do
      for _, action in ipairs(response.result or {}) do
        local about = action.diagnostics and action.diagnostics[1]
        if action.isPreferred and about and about.code == code_of(d) then
          local before = #diagnostics
          local line = d.lnum
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
          log(string.format('code action applied: "%s" for %s at line %d', action.title, code_of(d), line + 1))
          local gone = vim.wait(60000, function()
            local now = vim.diagnostic.get(buf)
            if #now >= before then
              return false
            end
            for _, n in ipairs(now) do
              if n.lnum == line and code_of(n) == code_of(d) and n.message == d.message then
                return false
              end
            end
            return true
          end, 20)
          if not gone then
            fail('the fixed finding is still reported')
          end
          log(string.format('  diagnostics after the fix: %d (was %d)', #vim.diagnostic.get(buf), before))
          vim.lsp.stop_client(client_id)
          vim.cmd('bwipeout!')
          return
        end
      end
    end
  end
  fail('no preferred code action on any finding of ' .. path)
end

log('Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.'
  .. tostring(vim.version().patch) .. ', built-in LSP client, docspec server')
local ok, err = pcall(function()
  for pair in string.gmatch(os.getenv('PAGES') or '', '[^;]+') do
    local path, root = string.match(pair, '^(.*)|(.*)$')
    check(path, root)
  end
end)
if not ok then
  fail(tostring(err))
end
finish(0)
