-- ./cx bench: every request carries the next partner's token (args: the file of tokens, one a line),
-- so the rate limit of each partner is never what is measured.
local tokens = {}
local next_token = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  next_token = math.random(#tokens)
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("GET", nil, {
    ["Authorization"] = "Bearer " .. tokens[next_token],
    ["Accept"] = "application/json"
  })
end

-- One line the Java side parses: requests, duration (us), connect/read/write errors,
-- non-2xx/3xx answers, timeouts, p50 and p99 latency (us).
function done(summary, latency, requests)
  io.write(string.format("CXBENCH %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
