-- wrk script: every connection files tips as a browser does. Run with as many threads as connections (-t N -c N), so
-- each thread's Lua state drives exactly one connection and can time its own requests.
--
-- Per tip: GET the form page (a fresh submission token, as a browser gets one), then POST the send exactly as the
-- review page's form produces it: every hidden field of every block, in the page's order, with that fresh token.
-- The send body is learnt once per connection by posting the typed form with step=review and reading the review
-- page back, so it follows the current templates. FLOW=browser posts the review step for every tip as well.
--
-- Prints p50/p99 of the send alone, and of the page fetches, and the count of each outcome; accepted tips are
-- counted in the database by run.sh, not here.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } h19_timespec;
  int clock_gettime(int clock, h19_timespec *tp);
]]
local now_ts = ffi.new("h19_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    if c == " " then return "+" end
    return string.format("%%%02X", string.byte(c))
  end))
end

local function unescape_html(s)
  s = s:gsub("&#(%d+);", function(n) return string.char(tonumber(n)) end)
  s = s:gsub("&#x(%x+);", function(n) return string.char(tonumber(n, 16)) end)
  return (s:gsub("&quot;", '"'):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&"))
end

-- What a tipster types into the form page (names as the page has them; unticked boxes and radios are not sent).
local typed = {
  { "location", "Sunrise Spa, 1200 Connecticut Ave, second floor above the nail salon" },
  { "city", "Norwalk" },
  { "businessName", "Sunrise Spa" },
  { "placeType", "massage-parlor" },
  { "zip", "06854" },
  { "seenWhen", "Last Tuesday around 11 pm, and most nights that week between 10 pm and 2 am" },
  { "people", string.rep("Two young women who never leave without the man; a man about 45 who answers for them. ", 3) },
  { "youngestAge", "18-25" },
  { "vehicles", "Grey minivan, Connecticut plate starting AB-12, dented rear door; parks in the alley behind" },
  { "indicators", "appears-controlled" },
  { "indicators", "lives-at-workplace" },
  { "indicators", "no-control-of-papers-or-money" },
  { "indicators", "debt-or-threats" },
  { "details", string.rep("Lights on all night, customers arrive by appointment only and are let in at the back. "
    .. "The women carry mattresses in; one said she owes the boss for her ticket and cannot leave. ", 4) },
  { "onlineDetails", "Ads on a classifieds site with the same phone number 203-555-0147 and photos of the rooms" },
  { "howKnown", "saw-it" },
  { "persons[0].role", "possible-victim" },
  { "persons[0].ageRange", "18-25" },
  { "persons[0].sexOrGender", "woman" },
  { "persons[0].height", "about 5 ft 2" },
  { "persons[0].build", "slim" },
  { "persons[0].hair", "long, black" },
  { "persons[0].clothing", "grey hoodie, slippers" },
  { "persons[0].marks", "small tattoo of a crown on the left wrist" },
  { "persons[0].language", "Spanish, a little English" },
  { "persons[1].role", "possible-controller" },
  { "persons[1].ageRange", "over-25" },
  { "persons[1].sexOrGender", "man" },
  { "persons[1].height", "about 6 ft" },
  { "persons[1].build", "heavy" },
  { "persons[1].hair", "shaved" },
  { "persons[1].clothing", "black leather jacket, gold chain" },
  { "persons[1].marks", "scar across the chin" },
  { "persons[1].language", "English" },
  { "vehicleDetails[0].make", "Honda" },
  { "vehicleDetails[0].model", "Odyssey" },
  { "vehicleDetails[0].color", "grey" },
  { "vehicleDetails[0].plate", "AB-12" },
  { "vehicleDetails[0].plateState", "CT" },
  { "vehicleDetails[0].features", "dented rear door, tinted windows" },
  { "website", "" },
}

local flow = os.getenv("FLOW") or "send"
local headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Sec-Fetch-Site"] = "same-origin",
  ["Accept"] = "text/html,application/xhtml+xml",
  ["Accept-Language"] = "en-US,en;q=0.9",
  ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) tipline-benchmark",
}

local state = "page"   -- the request to make next: page, review or send
local token, send_body -- send_body: the parts before and after the submission token
local started
-- Per-thread results, read by done(): latency histograms (0.1 ms buckets) and outcome counts.
sends, pages, outcomes = {}, {}, {}

local function count(name) outcomes[name] = (outcomes[name] or 0) + 1 end
local function record(hist, ms)
  local bucket = math.floor(ms * 10)
  hist[bucket] = (hist[bucket] or 0) + 1
end

local function typed_body()
  local parts = {}
  for _, kv in ipairs(typed) do parts[#parts + 1] = kv[1] .. "=" .. enc(kv[2]) end
  parts[#parts + 1] = "submission=" .. enc(token)
  parts[#parts + 1] = "step=review"
  return table.concat(parts, "&")
end

-- The review page's send form, posted as a browser posts it: each input of #review-form in order.
local function learn_send_body(page)
  local form = page:match('<form id="review%-form".-</form>')
  if not form then return nil end
  local parts, before = {}, nil
  for input in form:gmatch("<input[^>]*>") do
    local name = input:match('name="([^"]*)"')
    local value = input:match('value="([^"]*)"') or ""
    if name == "submission" then
      parts[#parts + 1] = "submission="
      before, parts = table.concat(parts, "&"), {""}
    elseif name then
      parts[#parts + 1] = enc(unescape_html(name)) .. "=" .. enc(unescape_html(value))
    end
  end
  parts[#parts + 1] = "step=send"
  return before and { before, table.concat(parts, "&") }
end

request = function()
  started = now_ms()
  if state == "page" then
    return wrk.format("GET", "/?lang=en", headers)
  elseif state == "review" then
    return wrk.format("POST", "/tips?lang=en", headers, typed_body())
  end
  return wrk.format("POST", "/tips?lang=en", headers, send_body[1] .. enc(token) .. send_body[2])
end

response = function(status, _, body)
  local ms = now_ms() - started
  if state == "page" then
    record(pages, ms)
    token = status == 200 and body:match('name="submission" value="([^"]*)"')
    if not token then
      count("page-failed")
      return
    end
    state = (send_body == nil or flow == "browser") and "review" or "send"
  elseif state == "review" then
    record(pages, ms)
    local learnt = status == 200 and learn_send_body(body)
    if not learnt then
      count("review-failed")
      state = "page"
      return
    end
    send_body = learnt
    token = body:match('name="submission" value="([^"]*)"', body:find('id="review%-form"'))
    state = "send"
  else
    record(sends, ms)
    if status == 200 and body:find('id="receipt-code"', 1, true) then
      count(body:find('id="already-received"', 1, true) and "send-already-received" or "send-receipt")
    else
      count("send-" .. status)
    end
    state = "page"
  end
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

local function merged(name)
  local all, n = {}, 0
  for _, t in ipairs(threads) do
    for bucket, c in pairs(t:get(name)) do
      all[bucket] = (all[bucket] or 0) + c
      n = n + c
    end
  end
  return all, n
end

local function percentile(hist, n, p)
  local buckets = {}
  for b in pairs(hist) do buckets[#buckets + 1] = b end
  table.sort(buckets)
  local seen, want = 0, math.ceil(n * p)
  for _, b in ipairs(buckets) do
    seen = seen + hist[b]
    if seen >= want then return b / 10 end
  end
  return 0
end

done = function(summary)
  local secs = summary.duration / 1e6
  for _, what in ipairs({ "sends", "pages" }) do
    local hist, n = merged(what)
    if n > 0 then
      io.write(string.format("%s: %d (%.1f/s)  p50 %.1f ms  p99 %.1f ms\n", what, n, n / secs,
        percentile(hist, n, 0.50), percentile(hist, n, 0.99)))
    end
  end
  local totals = {}
  for _, t in ipairs(threads) do
    for name, c in pairs(t:get("outcomes")) do totals[name] = (totals[name] or 0) + c end
  end
  for name, c in pairs(totals) do io.write(string.format("outcome %s: %d\n", name, c)) end
end
