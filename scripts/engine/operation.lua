-- wrk request generator for one DynamoDB operation: TARGET names it (X-Amz-Target), BODY_FILE holds
-- its JSON body, in which each {{n}} becomes a random number of the request's own, so writes spread
-- over many items. The signature is not checked by the engine, nor by a local stand-in.
local target = os.getenv("TARGET")
local body = io.open(os.getenv("BODY_FILE")):read("a")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local headers = {
    ["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = target,
    ["X-Amz-Date"] = "20261207T000000Z",
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=bench/20261207/us-east-1/dynamodb/aws4_request, "
      .. "SignedHeaders=host;x-amz-date, Signature=0",
  }
  local n = math.random(0, 99999)
  local text = body:gsub("{{n}}%+(%d)", function(k) return tostring(n + tonumber(k)) end):gsub("{{n}}", tostring(n))
  return wrk.format("POST", "/", headers, text)
end
