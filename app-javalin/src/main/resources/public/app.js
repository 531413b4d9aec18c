// The Cruddur messaging page: conversations and messages over the JSON API, live updates from /api/events.
const MAX_CHARACTERS = 1024;
const WORDS = {
  message_blank: 'Write something before sending.',
  message_exceed_max_chars: 'That message is longer than 1024 characters.',
  user_reciever_handle_blank: 'Say who to write to.',
  handle_invalid: 'That is not a valid handle.',
  handle_not_found: 'Nobody has that handle.',
  conversation_with_self: 'You cannot start a conversation with yourself.',
  group_too_small: 'A group needs at least two other people.',
  group_too_large: 'That would make the group larger than allowed.',
  group_title_invalid: 'A title is one line of at most 100 characters.',
  pair_members_fixed: 'A conversation of two cannot gain or lose people.',
  rate_limited: 'Slow down a little; try again in a moment.',
  not_the_sender: 'Only its sender can change a message.',
  edit_window_passed: 'That message is too old to change.',
  message_deleted: 'That message was deleted.',
  message_not_found: 'That message no longer exists.',
  not_a_member: 'You are not in that conversation.',
  blocked: 'This person does not accept your messages.',
  block_self: 'You cannot block yourself.',
  message_group_not_found: 'That conversation does not exist.',
  storage_unavailable: 'Messages are unavailable right now; try again shortly.',
  storage_throttled: 'Too busy right now; try again shortly.',
  directory_unavailable: 'Users are unavailable right now; try again shortly.',
  token_missing: 'Please sign in.',
  token_invalid: 'Your session ended; please sign in again.',
};
const $ = (id) => document.getElementById(id);
const state = {
  token: sessionStorage.getItem('token'), me: null, open: null, draft: null, older: null, events: null, rows: [],
  editing: null, blocks: new Set(), other: null, meUuid: null,
};

class ApiError extends Error {
  constructor(status, codes) { super(codes.join(', ')); this.status = status; this.codes = codes; }
  get words() { return this.codes.map((code) => WORDS[code] || `Something went wrong (${code}).`).join(' '); }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => null);
  if (response.status === 401 && state.token) signOut();
  if (!response.ok) throw new ApiError(response.status, Array.isArray(data) ? data : [`http_${response.status}`]);
  return { data, links: parseLinks(response.headers.get('Link')) };
}

function parseLinks(header) {
  const links = {};
  for (const part of (header || '').split(',')) {
    const match = part.match(/<([^>]+)>;\s*rel="([^"]+)"/);
    if (match) links[match[2]] = match[1];
  }
  return links;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const when = (iso) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

// Runs of combining marks past three (piled-up diacritics) are clipped, so text keeps to its line.
const tame = (text) => text.replace(/(\p{M}{3})\p{M}+/gu, '$1');

// A person as the page shows them, "Name (@handle)": name and handle each isolated (<bdi>), so a
// right-to-left name cannot reorder the handle or the words around it.
function person(who, before = '', after = '') {
  const fragment = document.createDocumentFragment();
  // A group conversation's row has no handle: it names the group and counts its members.
  const detail = who.kind === 'group' ? `${who.members} people` : `@${who.handle}`;
  fragment.append(before, element('bdi', null, tame(who.display_name)), ' (', element('bdi', null, detail), ')', after);
  return fragment;
}

// Sign in: the local deployments issue tokens for their own users.
async function showSignIn() {
  $('signin').hidden = false;
  $('app').hidden = true;
  $('whoami').hidden = true;
  try {
    const { data } = await api('/dev/users');
    $('user-picker').replaceChildren(...data.map((user) => {
      // an option holds text only: isolate the name with FSI ... PDI instead of <bdi>
      const option = element('option', null, `\u2068${tame(user.display_name)}\u2069 (@${user.handle})`);
      option.value = user.handle;
      return option;
    }));
  } catch (error) {
    $('signin-error').textContent = 'This server signs in through Cognito; the dev sign-in is not available.';
  }
}

async function signIn(handle) {
  const response = await fetch('/dev/login', { method: 'POST', body: JSON.stringify({ handle }) });
  if (!response.ok) throw new ApiError(response.status, await response.json());
  const { access_token: token } = await response.json();
  state.token = token;
  sessionStorage.setItem('token', token);
  sessionStorage.setItem('handle', handle);
  await start();
}

function signOut() {
  state.token = null;
  sessionStorage.clear();
  if (state.events) state.events.abort();
  showSignIn();
}

async function start() {
  state.me = sessionStorage.getItem('handle');
  $('signin').hidden = true;
  $('app').hidden = false;
  $('whoami').hidden = false;
  $('whoami-name').textContent = `@${state.me}`;
  await Promise.all([loadGroups(), loadBlocks(), loadMe()]);
  listen();
}

// My own uuid, to tell my reads (in another window) from others' in read events.
async function loadMe() {
  const { data } = await api(`/api/users/@${encodeURIComponent(state.me)}/short`);
  state.meUuid = data.uuid;
}

// My conversations, most recent first; the open one's title follows its row (a group's count changes).
async function loadGroups() {
  const { data } = await api('/api/message_groups?limit=50');
  state.rows = data;
  const open = data.find((group) => group.uuid === state.open);
  if (open) $('conversation-title').replaceChildren(person(open));
  $('groups').replaceChildren(...data.map((group) => {
    const button = element('button');
    button.type = 'button';
    button.dataset.group = group.uuid;
    button.setAttribute('aria-current', String(group.uuid === state.open));
    const who = element('div', 'who');
    who.append(person(group));
    if (group.unread > 0) {
      const badge = element('span', 'unread', group.unread > 999 ? '999+' : String(group.unread));
      badge.title = `${group.unread} unread`;
      who.append(badge);
    }
    button.append(who, element('div', 'last', tame(group.message)), element('div', 'time', when(group.created_at)));
    button.addEventListener('click', () => openGroup(group.uuid, group));
    const item = element('li');
    item.append(button);
    return item;
  }));
}

// A conversation's messages: the newest page, then older pages on demand.
async function openGroup(uuid, other) {
  state.open = uuid;
  state.draft = null;
  finishEdit();
  $('conversation-title').replaceChildren(person(other));
  $('message-form').hidden = false;
  $('message-error').textContent = '';
  $('members-error').textContent = '';
  $('group-tools').hidden = other.kind !== 'group';
  if (other.kind === 'group') loadMembers(uuid);
  // a pair: whom it is with (for blocking), and how far they have read (for the receipt)
  state.other = other.kind === 'group' ? null : { handle: other.handle, uuid: null, readUpTo: null };
  showPairTools();
  for (const button of document.querySelectorAll('#groups button')) {
    button.setAttribute('aria-current', String(button.dataset.group === uuid));
  }
  const { data, links } = await api(`/api/messages/${uuid}?limit=20`);
  $('messages').replaceChildren(...data.map(messageItem));
  setOlder(links.next);
  $('messages').lastElementChild?.scrollIntoView();
  if (state.other) loadReceipt(uuid);
  readIfUnread(uuid);
}

// Nothing to write when the list shows nothing unread; a message arriving meanwhile marks it read.
function readIfUnread(uuid) {
  if (state.rows.find((group) => group.uuid === uuid)?.unread > 0) markRead(uuid);
}

// Everything in the open conversation is read now: the badge goes, and the others hear of it.
// Not while the page is out of sight (another tab, a minimised window): then on its return.
async function markRead(uuid) {
  if (document.visibilityState !== 'visible') {
    await loadGroups();
    return;
  }
  try {
    await api(`/api/message_groups/${uuid}/read`, { method: 'POST' });
    await loadGroups();
  } catch (error) {
    // the badge stays until the next time; nothing the person has to act on
  }
}

// How far the other member of the open pair has read, from the members list.
async function loadReceipt(uuid) {
  try {
    const { data } = await api(`/api/message_groups/${uuid}/members`);
    const other = data.find((member) => member.handle !== state.me);
    if (uuid !== state.open || !state.other || !other) return;
    state.other.uuid = other.uuid;
    otherHasRead(other.last_read_at);
  } catch (error) {
    // receipts are a nicety: without them the conversation still works
  }
}

// The other member read up to this time (ISO times of one spelling order as strings do).
function otherHasRead(readUpTo) {
  if (!state.other || !readUpTo || (state.other.readUpTo && state.other.readUpTo >= readUpTo)) return;
  state.other.readUpTo = readUpTo;
  showReceipt();
}

// "Read" under one's latest message, once the other member has read it.
function showReceipt() {
  document.querySelectorAll('#messages .receipt').forEach((receipt) => receipt.remove());
  const mine = [...document.querySelectorAll('#messages li.mine')].pop();
  if (mine && state.other?.readUpTo && state.other.readUpTo >= mine.dataset.created) {
    mine.append(element('span', 'receipt', 'Read'));
  }
}

// Whom I block, so a pair conversation offers to block or to unblock.
async function loadBlocks() {
  const { data } = await api('/api/blocks');
  state.blocks = new Set(data.map((user) => user.handle));
  showPairTools();
}

function showPairTools() {
  $('pair-tools').hidden = !state.other;
  $('block-error').textContent = '';
  if (!state.other) return;
  const blocked = state.blocks.has(state.other.handle);
  $('block-toggle').textContent = `${blocked ? 'Unblock' : 'Block'} @${state.other.handle}`;
}

async function toggleBlock() {
  const handle = state.other.handle;
  const blocked = state.blocks.has(handle);
  try {
    await api(`/api/users/@${encodeURIComponent(handle)}/block`, { method: blocked ? 'DELETE' : 'POST' });
    if (blocked) state.blocks.delete(handle); else state.blocks.add(handle);
    showPairTools();
  } catch (error) {
    $('block-error').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
  }
}

// A group's members, in the order they joined.
async function loadMembers(uuid) {
  try {
    const { data } = await api(`/api/message_groups/${uuid}/members`);
    if (uuid === state.open) showMembers(data);
  } catch (error) {
    $('members-error').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
  }
}

function showMembers(members) {
  const names = members.flatMap((member, index) => [index ? ', ' : '', element('bdi', null, tame(member.display_name))]);
  $('members').replaceChildren('Members: ', ...names);
}

async function addMembers(raw) {
  $('members-error').textContent = '';
  try {
    const { data } = await api(`/api/message_groups/${state.open}/members`, { method: 'POST', body: { handles: handles(raw) } });
    showMembers(data);
    $('add-handles').value = '';
    await loadGroups();
  } catch (error) {
    $('members-error').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
  }
}

async function leaveGroup() {
  $('members-error').textContent = '';
  try {
    await api(`/api/message_groups/${state.open}/members/me`, { method: 'DELETE' });
    closeConversation();
    await loadGroups();
  } catch (error) {
    $('members-error').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
  }
}

function closeConversation() {
  state.open = null;
  state.draft = null;
  finishEdit();
  $('conversation-title').textContent = 'Pick a conversation';
  $('messages').replaceChildren();
  setOlder(null);
  $('group-tools').hidden = true;
  state.other = null;
  showPairTools();
  $('message-form').hidden = true;
}

// Handles as people type them: separated by spaces or commas, with or without @.
const handles = (raw) => raw.split(/[\s,]+/).map((handle) => handle.replace(/^@/, '')).filter(Boolean);

async function loadOlder() {
  const { data, links } = await api(state.older);
  $('messages').prepend(...data.map(messageItem));
  setOlder(links.next);
}

function setOlder(link) {
  state.older = link || null;
  $('load-older').hidden = !state.older;
}

// A message uuid is unique per sender (it is the sender's idempotency key), not across senders.
function sentId(message) {
  return `${message.handle}/${message.uuid}`;
}

// A message as the conversation shows it; one's own, unless deleted, can be edited or deleted.
function messageItem(message) {
  const mine = message.handle === state.me;
  const item = element('li', mine ? 'mine' : null);
  item.dataset.message = sentId(message);
  item.dataset.created = message.created_at;
  const who = element('span', 'who');
  who.append(person(message, '', ' '));
  item.append(who, element('span', 'time', when(message.created_at)));
  if (message.edited_at && !message.deleted) item.append(element('span', 'edited', '(edited)'));
  if (mine && !message.deleted) {
    const actions = element('span', 'actions');
    const edit = element('button', 'edit', 'Edit');
    edit.type = 'button';
    edit.addEventListener('click', () => startEdit(message));
    const remove = element('button', 'delete', 'Delete');
    remove.type = 'button';
    remove.addEventListener('click', () => deleteMessage(message));
    actions.append(edit, remove);
    item.append(actions);
  }
  item.append(message.deleted ? element('p', 'text deleted', 'This message was deleted')
    : element('p', 'text', tame(message.message)));
  return item;
}

// An edited message or a tombstone takes the place of what the page shows.
function replaceMessage(message) {
  if (message.message_group_uuid !== state.open) return;
  document.querySelector(`[data-message="${sentId(message)}"]`)?.replaceWith(messageItem(message));
  showReceipt();
}

function startEdit(message) {
  state.editing = message.uuid;
  $('message-input').value = message.message;
  $('send-button').textContent = 'Save';
  $('cancel-edit').hidden = false;
  countCharacters();
  $('message-input').focus();
}

function finishEdit() {
  state.editing = null;
  $('message-input').value = '';
  $('send-button').textContent = 'Send';
  $('cancel-edit').hidden = true;
  countCharacters();
}

async function deleteMessage(message) {
  $('message-error').textContent = '';
  try {
    const { data } = await api(`/api/messages/${state.open}/${message.uuid}`, { method: 'DELETE' });
    if (state.editing === message.uuid) finishEdit();
    replaceMessage(data);
    await loadGroups();
  } catch (error) {
    $('message-error').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
  }
}

function showMessage(message) {
  if (message.message_group_uuid !== state.open || document.querySelector(`[data-message="${sentId(message)}"]`)) return;
  const item = messageItem(message);
  $('messages').append(item);
  item.scrollIntoView();
  showReceipt();
}

// Send in the open conversation, or start one with the previewed handle.
async function send(text) {
  $('message-error').textContent = '';
  try {
    if (state.editing) {
      const { data } = await api(`/api/messages/${state.open}/${state.editing}`, { method: 'PATCH', body: { message: text } });
      replaceMessage(data);
      finishEdit();
      await loadGroups();
      return;
    }
    if (state.draft && state.draft.kind === 'group') {
      const { handles: named, title } = state.draft;
      const { data } = await api('/api/message_groups', { method: 'POST', body: { handles: named, title, message: text } });
      await loadGroups();
      await openGroup(data.message_group_uuid, state.rows.find((group) => group.uuid === data.message_group_uuid) || state.draft);
      $('group-handles').value = '';
      $('group-title').value = '';
    } else if (state.draft) {
      const { data } = await api('/api/messages', { method: 'POST', body: { message: text, handle: state.draft.handle } });
      await loadGroups();
      await openGroup(data.message_group_uuid, state.draft);
    } else {
      const { data } = await api('/api/messages', { method: 'POST', body: { message: text, message_group_uuid: state.open } });
      showMessage(data);
      await loadGroups();
    }
    $('message-input').value = '';
    countCharacters();
  } catch (error) {
    $('message-error').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
  }
}

async function previewRecipient(raw) {
  const handle = raw.trim().replace(/^@/, '');
  if (!handle) return null;
  try {
    const { data } = await api(`/api/users/@${encodeURIComponent(handle)}/short`);
    $('recipient-preview').replaceChildren(person(data, 'You will write to ', '.'));
    return data;
  } catch (error) {
    $('recipient-preview').textContent = error instanceof ApiError ? error.words : 'Could not reach the server.';
    return null;
  }
}

function startDraft(user) {
  state.draft = user;
  state.open = null;
  finishEdit();
  $('group-tools').hidden = true;
  state.other = null;
  showPairTools();
  $('conversation-title').replaceChildren(person(user, 'New conversation with '));
  $('messages').replaceChildren();
  setOlder(null);
  $('message-form').hidden = false;
  $('message-input').focus();
}

function countCharacters() {
  const length = [...$('message-input').value].length;
  $('char-count').textContent = `${length} / ${MAX_CHARACTERS}`;
}

// Live updates: server-sent events read with fetch, so the token travels in a header, not the URL.
async function listen() {
  let wait = 1000;
  let reconnecting = false;
  while (state.token) {
    const controller = new AbortController();
    state.events = controller;
    try {
      const response = await fetch('/api/events', {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${state.token}` },
        signal: controller.signal,
      });
      if (response.status === 401) { signOut(); return; }
      if (!response.ok) throw new Error(`events answered ${response.status}`);
      wait = 1000;
      // events are not kept for a stream that was down: catch up on what it missed
      if (reconnecting) await catchUp();
      reconnecting = true;
      if (await readEvents(response.body.getReader()) === 'superseded') {
        // a newer window of the same user took this stream's place; reconnecting would only take it back
        $('live-status').hidden = false;
        return;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 15000);
  }
}

// The open conversation's newest page again: messages missed are added, edits and deletes missed
// replace what is shown. A conversation one can no longer read (left elsewhere) closes.
async function catchUp() {
  try {
    await loadGroups();
    const open = state.open;
    if (!open) return;
    const kind = state.rows.find((group) => group.uuid === open)?.kind;
    if (kind === 'group') loadMembers(open); else loadReceipt(open);
    const { data } = await api(`/api/messages/${open}?limit=20`);
    for (const message of data.map((listed) => ({ ...listed, message_group_uuid: open }))) {
      if (document.querySelector(`[data-message="${sentId(message)}"]`)) replaceMessage(message); else showMessage(message);
    }
  } catch (error) {
    if (error instanceof ApiError && error.codes.includes('not_a_member')) closeConversation();
  }
}

async function readEvents(reader) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
      const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
      if (event === 'superseded') return event;
      if (event === 'message' && data) {
        const message = JSON.parse(data);
        showMessage(message);
        if (message.message_group_uuid === state.open && message.handle !== state.me) {
          // sending reads: the other has read up to their own message; and it is read here, open on screen
          otherHasRead(message.created_at);
          markRead(state.open);
        } else {
          loadGroups();
        }
      }
      if (event === 'read' && data) {
        const read = JSON.parse(data);
        if (read.message_group_uuid === state.open && state.other && read.uuid === state.other.uuid) {
          otherHasRead(read.last_read_at);
        } else if (read.uuid === state.meUuid && read.message_group_uuid !== state.open) {
          // read in another window of mine: its badge goes here too
          loadGroups();
        }
      }
      if ((event === 'message_edited' || event === 'message_deleted') && data) {
        replaceMessage(JSON.parse(data));
        loadGroups();
      }
      if (event === 'members_changed' && data) {
        const { message_group_uuid: group } = JSON.parse(data);
        loadGroups();
        if (group === state.open) loadMembers(group);
      }
    }
  }
}

$('signin-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn($('user-picker').value).catch((error) => { $('signin-error').textContent = error.words || 'Could not sign in.'; });
});
$('signout').addEventListener('click', signOut);
$('load-older').addEventListener('click', () => loadOlder());
$('message-input').addEventListener('input', countCharacters);
$('message-form').addEventListener('submit', (event) => {
  event.preventDefault();
  send($('message-input').value);
});
$('new-handle').addEventListener('change', (event) => previewRecipient(event.target.value));
$('new-group').addEventListener('submit', (event) => {
  event.preventDefault();
  const named = handles($('group-handles').value);
  const title = $('group-title').value.trim() || undefined;
  startDraft({
    kind: 'group', handles: named, title, members: named.length + 1,
    display_name: title || named.map((handle) => `@${handle}`).join(', '),
  });
});
$('add-members').addEventListener('submit', (event) => {
  event.preventDefault();
  addMembers($('add-handles').value);
});
$('leave-group').addEventListener('click', () => leaveGroup());
$('block-toggle').addEventListener('click', () => toggleBlock());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.open) readIfUnread(state.open);
});
$('cancel-edit').addEventListener('click', finishEdit);
$('new-conversation').addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = await previewRecipient($('new-handle').value);
  if (user) startDraft(user);
});

if (state.token) start().catch(signOut); else showSignIn();
