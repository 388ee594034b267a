-- Starts `digestkit lsp` for Markdown buffers (Neovim's built-in LSP client).
--
--   require('digestkit').setup()                        -- digestkit on PATH
--   require('digestkit').setup({ cmd = { '/path/to/digestkit', 'lsp' } })
--
-- Neovim 0.8+ uses vim.lsp.start (one client per root, reused across buffers) and vim.fs for the root; 0.7 (Debian
-- bookworm's package) has neither, so there the same is done by hand with vim.lsp.start_client/buf_attach_client.
local M = {}

M.defaults = {
  cmd = { 'digestkit', 'lsp' },
  -- The workspace the server indexes for its cross-file rules: the nearest folder upwards holding one of these.
  root_markers = { '.git', '.hg', '.editorconfig' },
}

local function find_root(path, markers)
  local start = vim.fn.fnamemodify(path, ':p:h')
  if vim.fs and vim.fs.find then
    local found = vim.fs.find(markers, { path = start, upward = true })[1]
    return found and vim.fs.dirname(found) or start
  end
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local clients_by_root = {}

local function attach(opts, bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  -- Only files on disk: the server resolves .editorconfig and the workspace from the path.
  if name == '' or name:match('^%a[%w+.-]*://') then
    return
  end
  local root = find_root(name, opts.root_markers)
  local config = {
    name = 'digestkit',
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients_by_root[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', M.defaults, user or {})
  local group = vim.api.nvim_create_augroup('digestkit', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'markdown',
    callback = function(args)
      attach(opts, args.buf)
    end,
  })
end

return M
