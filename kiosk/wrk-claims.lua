-- Durable claims for wrk (kiosk/wrk-claims.sh runs it): POST /api/v1/claims with the staff token, as the
-- kiosk's front sends them, a new learner's email every time, spread over the codes in the file $CODES.
local codes = {}
for line in io.lines(os.getenv("CODES")) do codes[#codes + 1] = line end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
local run = os.getenv("RUN") or "0"
local count, threads = 0, 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function request()
  count = count + 1
  local code = codes[(count * 7 + number) % #codes + 1]
  local body = string.format('{"code":"%s","name":"Learner %d","email":"wrk%s.%d.%d@bench.example","consent":true}',
    code, count, run, number, count)
  return wrk.format("POST", "/api/v1/claims", headers, body)
end

function done(summary, latency)
  -- Every claim is new, so anything but a 201 is a failure; wrk counts answers outside 2xx and 3xx.
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d answers not 2xx\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status))
  io.write(string.format("answers: %d\n", summary.requests))
end
