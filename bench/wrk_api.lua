-- wrk script of the API: POST /api/v1/simulate with the household file given as the first argument.
function init(args)
  local file = io.open(args[1], "r")
  wrk.method = "POST"
  wrk.body = file:read("*a")
  wrk.headers["Content-Type"] = "application/json"
  file:close()
end
