-- A real editor using `dossier lsp`: Neovim (0.7 or later) headless on a Dossier site.
-- Run from the site's folder:
--   nvim --headless -u NONE -c 'luafile scripts/editor-demo/nvim.lua' content/briefings/2025-11-21-zelenskiy-trump-talks.md
-- It starts the server as docs/editors.md configures it, makes a typo the way a writer
-- would (editing the buffer, unsaved), prints what the editor then shows (diagnostics,
-- quick fixes, completion, hover), and quits without writing anything.
local dossier = os.getenv('DOSSIER') or 'dossier'
local function say(s) io.stdout:write(s .. '\n') end
local function wait(ms, cond) return vim.wait(ms, cond, 20) end

local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'dossier',
  cmd = { dossier, 'lsp' },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(buf, client_id)
local client = vim.lsp.get_client_by_id(client_id)
assert(wait(20000, function() return client.initialized end), 'server did not start')
say('== attached dossier lsp to ' .. vim.fn.expand('%'))

-- 1. A typo in the front matter, typed into the buffer (not saved).
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for i, l in ipairs(lines) do
  if l:match('^actors:') then
    local typo = l:gsub('Volodymyr Zelensky', 'Volodymyr Zelenskky', 1)
    vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { typo })
    say('== edited line ' .. i .. ': ' .. typo)
    break
  end
end
assert(wait(5000, function() return #vim.diagnostic.get(buf) > 0 end), 'no diagnostics')
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format('diagnostic %d:%d-%d:%d %s [%s] %s', d.lnum + 1, d.col + 1, d.end_lnum + 1,
    d.end_col + 1, ({ 'E', 'W', 'I', 'H' })[d.severity], d.code or '', d.message))
end

-- 2. The quick fixes offered on it.
local d = vim.diagnostic.get(buf)[1]
local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = {} },
}, 5000)
for _, r in pairs(actions or {}) do
  for _, a in ipairs(r.result or {}) do say('quick fix: ' .. a.title) end
end

-- 3. Completion inside `actors: [Zel`, on a new line typed below.
local row
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if l:match('^places:') then row = i - 1 break end
end
vim.api.nvim_buf_set_lines(buf, row, row, false, { 'topics: [US pe' })
local res = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = row, character = 14 },
}, 5000)
for _, r in pairs(res or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  say('completion at "topics: [US pe": ' .. #items .. ' items, e.g.')
  local shown = 0
  for _, it in ipairs(items) do
    if it.label:lower():find('^us') and shown < 4 then
      say('  ' .. it.label .. '  (' .. (it.detail or '') .. ')')
      shown = shown + 1
    end
  end
end

-- 4. Hover on the first actor.
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if l:match('^actors:') then
    local col = l:find('Trump') - 1
    local h = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = i - 1, character = col },
    }, 5000)
    for _, r in pairs(h or {}) do
      say('hover on "Trump":')
      for line in (r.result.contents.value .. '\n'):gmatch('(.-)\n') do say('  | ' .. line) end
    end
    break
  end
end
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
