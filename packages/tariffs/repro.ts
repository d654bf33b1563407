import { priceSession } from './src/index.js';
import { buildSession } from './test/helpers/arbitraries.js';
const t = {"country_code":"NL","party_id":"CBR","id":"P1","currency":"EUR","elements":[{"price_components":[{"type":"PARKING_TIME","price":0,"step_size":1}],"restrictions":{"day_of_week":["SUNDAY"],"min_duration":0,"max_duration":1}},{"price_components":[{"type":"ENERGY","price":0.0241,"step_size":1},{"type":"PARKING_TIME","price":0,"step_size":1}]},{"price_components":[{"type":"PARKING_TIME","price":0,"step_size":1}]}],"last_updated":"2024-01-01T00:00:00Z"} as any;
const spec = {"startMs":1729980381000,"timeZone":"UTC","periods":[{"kind":"charge","unitSeconds":580,"unitWh":0,"unitParking":1,"n":3},{"kind":"charge","unitSeconds":1136,"unitWh":0,"unitParking":1,"n":3},{"kind":"charge","unitSeconds":1121,"unitWh":5962,"unitParking":1,"n":4}]} as any;
const a = priceSession(t, buildSession(spec)); const b = priceSession(t, buildSession(spec, [2, 2]));
console.log(JSON.stringify(a.cdr), '\n', JSON.stringify(b.cdr));
console.log(JSON.stringify(a.breakdown), '\n', JSON.stringify(b.breakdown));
console.log(JSON.stringify(buildSession(spec,[2,2])));
