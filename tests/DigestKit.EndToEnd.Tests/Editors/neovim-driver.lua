-- Drives a headless Neovim as a writer would, with editors/neovim/lua/digestkit.lua starting the real server, and
-- writes what Neovim saw to a JSON result file; NeovimTests.cs asserts on it. Only Neovim's own client calls are
-- used, in the forms that work from 0.7 (Debian bookworm) on. Neovim 0.7 never pulls diagnostics, so every one
-- recorded here was pushed by the server.
local config = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('DIGESTKIT_NVIM_CONFIG')), '\n'))
local timeout = config.timeout_ms
local result = { steps = {} }

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

local function step(name)
  table.insert(result.steps, name)
end

local function snapshot(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return list
end

local function has_code(bufnr, code, lnum)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code and d.lnum == lnum then
      return d
    end
  end
  return nil
end

local function the_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    return client
  end
  return nil
end

local function run()
  vim.lsp.set_log_level(config.log_level)
  vim.opt.runtimepath:append(config.editors_neovim)
  vim.cmd('filetype on')
  require('digestkit').setup()

  local opened_at = now_ms()
  vim.cmd('edit ' .. vim.fn.fnameescape(config.file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  step('opened')

  if not vim.wait(timeout, function() return the_client(bufnr) ~= nil end, 20) then
    error('no LSP client attached to the buffer')
  end
  local client = the_client(bufnr)
  result.client_name = client.name
  result.root_dir = client.config.root_dir
  result.offset_encoding = client.offset_encoding
  step('attached')

  -- Diagnostics without asking: nothing below requests them.
  if not vim.wait(timeout, function() return has_code(bufnr, config.fix_code, config.fix_line) ~= nil end, 20) then
    result.opened = snapshot(bufnr)
    error('no ' .. config.fix_code .. ' diagnostic arrived after opening')
  end
  result.first_diagnostics_ms = now_ms() - opened_at
  -- The server may publish in more than one go (per-file rules, then cross-file ones): let it settle.
  vim.wait(500, function() return false end)
  result.opened = snapshot(bufnr)
  step('diagnostics')

  local target = has_code(bufnr, config.fix_code, config.fix_line)
  local lsp_diagnostic = {
    range = {
      start = { line = target.lnum, character = target.col },
      ['end'] = { line = target.end_lnum, character = target.end_col },
    },
    severity = target.severity,
    code = target.code,
    source = target.source,
    message = target.message,
  }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
  }
  local responses, request_error = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
  if not responses then
    error('textDocument/codeAction failed: ' .. tostring(request_error))
  end
  result.actions = {}
  local chosen
  for _, response in pairs(responses) do
    if response.err then
      error('textDocument/codeAction answered an error: ' .. vim.inspect(response.err))
    end
    for _, action in ipairs(response.result or {}) do
      local codes = {}
      for _, d in ipairs(action.diagnostics or {}) do
        table.insert(codes, d.code)
      end
      table.insert(result.actions, {
        title = action.title,
        kind = action.kind or vim.NIL,
        is_preferred = action.isPreferred == true,
        has_edit = action.edit ~= nil,
        has_command = action.command ~= nil,
        codes = codes,
      })
      if not chosen and action.edit and action.kind == 'quickfix' and vim.tbl_contains(codes, config.fix_code) then
        chosen = action
      end
    end
  end
  if not chosen then
    error('no quickfix with a WorkspaceEdit for ' .. config.fix_code)
  end
  result.applied = chosen.title
  local fixed_at = now_ms()
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  result.fixed_line = vim.api.nvim_buf_get_lines(bufnr, config.fix_line, config.fix_line + 1, false)[1]
  step('fix applied')

  if not vim.wait(timeout, function() return has_code(bufnr, config.fix_code, config.fix_line) == nil end, 20) then
    result.after_fix = snapshot(bufnr)
    error(config.fix_code .. ' did not clear after the quick fix')
  end
  result.fix_cleared_ms = now_ms() - fixed_at
  vim.wait(500, function() return false end)
  result.after_fix = snapshot(bufnr)
  step('fix cleared')

  local typed_at = now_ms()
  vim.api.nvim_buf_set_lines(bufnr, config.edit_line, config.edit_line + 1, false, { config.edit_text })
  if not vim.wait(timeout, function() return has_code(bufnr, config.edit_code, config.edit_line) ~= nil end, 20) then
    result.after_edit = snapshot(bufnr)
    error('no ' .. config.edit_code .. ' diagnostic arrived after the typed edit')
  end
  result.edit_diagnostic_ms = now_ms() - typed_at
  vim.wait(500, function() return false end)
  result.after_edit = snapshot(bufnr)
  step('edit diagnosed')

  -- The file on disk was never written: the server worked on the buffer.
  result.disk_unchanged = table.concat(vim.fn.readfile(config.file), '\n') == table.concat(vim.fn.readfile(config.original), '\n')

  vim.lsp.stop_client(client.id)
  result.server_stopped = vim.wait(timeout, function() return client.is_stopped() end, 20)
  step('stopped')
end

local ok, message = xpcall(run, debug.traceback)
result.ok = ok
result.error = ok and vim.NIL or message
vim.fn.writefile({ vim.fn.json_encode(result) }, config.result)
vim.cmd('qa!')
