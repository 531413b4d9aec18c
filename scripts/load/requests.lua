-- wrk request generator: each request takes one (token, group) pair at random, so the load spreads
-- over many users. ROUTE picks what to request: health (the host's ceiling), groups (pattern B),
-- messages (A) or send (C). Every route goes through this script, so all pay the same client cost.
local pairs_file = os.getenv("LOAD_PAIRS")
local route = os.getenv("ROUTE")
local pairs_list = {}

function init(args)
  for line in io.lines(pairs_file) do
    local token, group = line:match("^(%S+)%s+(%S+)$")
    table.insert(pairs_list, { token = token, group = group })
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (template:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function request()
  local pair = pairs_list[math.random(#pairs_list)]
  local headers = { ["Authorization"] = "Bearer " .. pair.token, ["Content-Type"] = "application/json" }
  if route == "health" then
    return wrk.format("GET", "/health")
  elseif route == "groups" then
    return wrk.format("GET", "/api/message_groups", headers)
  elseif route == "messages" then
    return wrk.format("GET", "/api/messages/" .. pair.group, headers)
  end
  local body = string.format('{"message":"load %s","message_group_uuid":"%s","message_uuid":"%s"}',
    uuid(), pair.group, uuid())
  return wrk.format("POST", "/api/messages", headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT %s %.1f %.2f %.2f %d\n", route, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
