# METADATA
# title: Date helpers
# description: >-
#   Every date comparison against the as-of date. Dates are YYYY-MM-DD strings, timestamps
#   RFC 3339; comparisons by day use the first ten characters. Nothing here reads the clock.
# scope: package
package annexa.lib.dates

import rego.v1

day_ns := 86400000000000

# as_of is the evaluation date.
as_of := input.as_of

as_of_ns := time.parse_ns("2006-01-02", input.as_of)

# day returns the date part of a date or timestamp.
day(d) := substring(d, 0, 10)

# ns converts a date (midnight UTC) or a timestamp to nanoseconds.
ns(d) := time.parse_rfc3339_ns(d) if contains(d, "T")

ns(d) := time.parse_ns("2006-01-02", d) if not contains(d, "T")

# days_between counts whole days from date a to date b (negative when b is earlier).
days_between(a, b) := round((time.parse_ns("2006-01-02", day(b)) - time.parse_ns("2006-01-02", day(a))) / day_ns)

# age is the number of days from d to the as-of date.
age(d) := days_between(d, input.as_of)

# visible holds when d is on or before the as-of date.
visible(d) if day(d) <= input.as_of

# within holds when d lies in [as_of - n days, as_of].
within(d, n) if {
	visible(d)
	age(d) <= n
}

# add_days returns the date n days after d.
add_days(d, n) := time.format([time.parse_ns("2006-01-02", day(d)) + (n * day_ns), "UTC", "2006-01-02"])

# latest returns the greatest visible date of a collection, undefined when there is none.
latest(ds) := max(vs) if {
	vs := {day(d) | some d in ds; visible(d)}
	count(vs) > 0
}

# cutoff returns the first day of the window of n days that ends on the as-of date, so that
# within(d, n) holds exactly when since(d, cutoff(n)). Compute it once, in a complete rule,
# and compare days as strings instead of parsing two dates per record.
cutoff(n) := add_days(input.as_of, 0 - n)

# since holds when d is on or before the as-of date and on or after the day c (a cutoff).
since(d, c) if {
	x := day(d)
	x <= input.as_of
	c <= x
}
