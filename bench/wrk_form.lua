-- wrk script of the form path: POST /simulateur/verifier/ then GET the result page it redirects to.
-- One connection per wrk thread, each with its own prepared session: args are "cookie|csrf" pairs.
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  local pair = args[((id - 1) % #args) + 1]
  cookie, token = pair:match("^(.*)|(.*)$")
  sims, errors, location = 0, 0, nil
end

function request()
  if location then
    return wrk.format("GET", location, {Cookie = cookie})
  end
  return wrk.format("POST", "/simulateur/verifier/", {
    Cookie = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "csrfmiddlewaretoken=" .. token)
end

function response(status, headers, body)
  if status == 302 and not location then
    location = headers["Location"]
  elseif status == 200 and location and body:find("Votre estimation", 1, true) then
    sims = sims + 1
    location = nil
  else
    errors = errors + 1
    location = nil
  end
end

function done(summary, latency, requests)
  local total_sims, total_errors = 0, 0
  for _, thread in ipairs(threads) do
    total_sims = total_sims + thread:get("sims")
    total_errors = total_errors + thread:get("errors")
  end
  io.write(string.format("SIMS %d ERRORS %d SECONDS %.3f\n", total_sims, total_errors, summary.duration / 1e6))
end
