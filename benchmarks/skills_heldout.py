"""Held-out prompts for the practice server's skills: JSON extraction, function calls, using a result.

Written before the practice server's JSON and function-call answers were built, and kept apart from
every test's and lesson's prompts: the practice server has never seen these, so ``make bench``
(benchmarks/bench_skills.py) measures how it does on prompts a learner might write, not on its own.
Nothing in helpers/ or tests/ may import this file.

- ``JSON_CASES``: a prompt asking for a JSON object, and the object a right answer holds.
- ``CALL_CASES``: functions described as Google documents for Gemma, a question, the format the prompt
  asks for, and the call a right answer makes (``None``: no function fits, a plain answer is right).
- ``RESULT_CASES``: a call already made and its result sent back in a user turn; a right final answer
  states every value listed in ``says`` and makes no further call.
"""
from __future__ import annotations

import json

# --------------------------------------------------------------------------- JSON extraction

JSON_CASES = [
    {"prompt": "Extract the contact details from this email signature and return them as JSON with the keys "
               "name, email and phone.\n\nBest regards,\nHenrik Sorensen\nSenior Buyer, Nordlys AS\n"
               "henrik.sorensen@nordlys.example | +47 912 34 567",
     "expect": {"name": "Henrik Sorensen", "email": "henrik.sorensen@nordlys.example", "phone": "+47 912 34 567"}},
    {"prompt": "Return a JSON object with keys \"city\", \"nights\" and \"guests\" for this booking request: "
               "We'd like a room in Valencia for 4 nights, 3 guests in total.",
     "expect": {"city": "Valencia", "nights": 4, "guests": 3}},
    {"prompt": "Read the review and answer only with JSON of the form {\"product\": \"...\", \"rating\": 0, "
               "\"sentiment\": \"positive|negative|neutral\"}.\n\nReview: \"The Zephyr desk fan is loud and broke "
               "after a month. 1 star from me.\"",
     "expect": {"product": "Zephyr desk fan", "rating": 1, "sentiment": "negative"}},
    {"prompt": "Give me JSON with the fields title, author and year for this sentence: Chinua Achebe published "
               "\"Things Fall Apart\" in 1958.",
     "expect": {"title": "Things Fall Apart", "author": "Chinua Achebe", "year": 1958}},
    {"prompt": "Turn this into JSON matching the schema below. Output JSON only.\n\nSchema:\n"
               + json.dumps({"type": "object", "properties": {
                   "event": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                   "time": {"type": "string"}, "location": {"type": "string"}},
                   "required": ["event", "date", "time", "location"]}, indent=2)
               + "\n\nText: The quarterly review will take place on 2025-09-18 at 14:30 in Room B12.",
     "expect": {"event": "quarterly review", "date": "2025-09-18", "time": "14:30", "location": "Room B12"}},
    {"prompt": "Extract as JSON: name, age, city.\nInput: My grandmother Rosa Delgado is 87 and still lives "
               "on her own in Seville.",
     "expect": {"name": "Rosa Delgado", "age": 87, "city": "Seville"}},
    {"prompt": "You are a data extraction tool. From the job application below, produce a JSON object "
               "with these keys:\n- applicant: the applicant's full name\n- position: the job applied for\n"
               "- years_experience: a number\n- email: contact address\n\nApplication:\nDear hiring team, "
               "I am applying for the Data Analyst position. I have 6 years of experience in retail analytics. "
               "You can reach me at k.mensah@mailbox.example. Kind regards, Kwame Mensah",
     "expect": {"applicant": "Kwame Mensah", "position": "Data Analyst", "years_experience": 6,
                "email": "k.mensah@mailbox.example"}},
    {"prompt": "Respond in JSON. Example: {\"origin\": \"Lisbon\", \"destination\": \"Madrid\", \"passengers\": 2}"
               "\nRequest: I need train tickets from Hamburg to Vienna for 5 people.",
     "expect": {"origin": "Hamburg", "destination": "Vienna", "passengers": 5}},
    {"prompt": "Classify the sentiment of this tweet and return JSON with keys sentiment (positive, negative "
               "or neutral) and topic.\nTweet: Absolutely love the new metro line, my commute is 20 minutes "
               "shorter!",
     "expect": {"sentiment": "positive"}},
    {"prompt": "Extract the invoice data as a JSON object with keys invoice_number, total and currency.\n"
               "\"Invoice INV-2291 - amount due: 1,250.00 EUR, payable within 30 days.\"",
     "expect": {"invoice_number": "INV-2291", "total": 1250.0, "currency": "EUR"}},
    {"prompt": "Please output a JSON object describing this pet adoption listing, with keys \"animal\", "
               "\"name\", \"age_years\" and \"vaccinated\" (true or false).\n\nListing: Meet Biscuit, a friendly "
               "3 year old beagle. Fully vaccinated and great with kids.",
     "expect": {"name": "Biscuit", "age_years": 3, "vaccinated": True}},
    {"prompt": "Parse this meeting request into JSON (keys: attendee, day, time, topic):\n"
               "\"Can we meet Thursday at 10:00 to go over the budget? - Ingrid\"",
     "expect": {"attendee": "Ingrid", "day": "Thursday", "time": "10:00"}},
    {"prompt": "Fill in this JSON template from the text and return only the JSON.\n"
               "{\"company\": \"\", \"founded\": 0, \"headquarters\": \"\"}\n"
               "Text: Founded in 1998, Quillfeather Press is a small publisher based in Edinburgh.",
     "expect": {"founded": 1998, "headquarters": "Edinburgh"}},
    {"prompt": "Extract the shipment details and answer with a JSON object containing tracking_number, "
               "carrier and weight_kg.\n\nYour parcel 7Y4429015 is on its way with DHL. Package weight: 2.4 kg.",
     "expect": {"tracking_number": "7Y4429015", "carrier": "DHL", "weight_kg": 2.4}},
    {"prompt": "Here is a customer message: \"Hi, this is Omar Haddad, I'd like to cancel my subscription. "
               "My customer ID is CU-88213.\" Return JSON with keys customer_name, customer_id and request.",
     "expect": {"customer_name": "Omar Haddad", "customer_id": "CU-88213"}},
    {"prompt": "Convert to JSON with the fields recipe, servings and minutes:\n"
               "Lemon risotto. Serves 4. Ready in 35 minutes.",
     "expect": {"recipe": "Lemon risotto", "servings": 4, "minutes": 35}},
    {"prompt": "Extract data using this JSON schema and reply with the JSON object only:\n"
               + json.dumps({"type": "object", "properties": {
                   "full_name": {"type": "string"}, "birth_year": {"type": "integer"},
                   "country": {"type": "string"}, "occupation": {"type": "string"}}}) +
               "\nBiography: Wangari Maathai (born 1940) was a Kenyan environmental activist from Kenya.",
     "expect": {"full_name": "Wangari Maathai", "birth_year": 1940, "country": "Kenya"}},
    {"prompt": "From the text, return JSON with \"temperature_c\" and \"humidity_percent\" as numbers.\n"
               "Sensor log: at noon the greenhouse read 27.5 C with 64% humidity.",
     "expect": {"temperature_c": 27.5, "humidity_percent": 64}},
    {"prompt": "Return the following as JSON, keys: name, phone, pizza, size, address.\n"
               "Order call: It's Lena Fischer, number 0176 5550 1234. One large margherita to Bergstrasse 12.",
     "expect": {"name": "Lena Fischer", "phone": "0176 5550 1234", "size": "large"}},
    {"prompt": "Extract the flight as JSON. Keys: airline, flight_number, departure_city, arrival_city.\n"
               "Confirmation: Your flight KL1294 with KLM departs Amsterdam and arrives in Oslo.",
     "expect": {"flight_number": "KL1294", "departure_city": "Amsterdam", "arrival_city": "Oslo"}},
    {"prompt": "What is the capital of Japan? Answer as JSON with keys country and capital.",
     "expect": {"country": "Japan", "capital": "Tokyo"}},
    {"prompt": "Return a JSON object with the keys \"priority\" (one of: low, medium, high) and \"summary\" "
               "for this bug report: The checkout page crashes for every user, nobody can pay. Fix immediately!",
     "expect": {"priority": "high"}},
    {"prompt": "Extract: {\"guest_name\": string, \"check_in\": string, \"rooms\": number}\n"
               "Text: Reservation for Tomasz Nowak, check-in on 12 March, 2 rooms.\nJSON:",
     "expect": {"guest_name": "Tomasz Nowak", "check_in": "12 March", "rooms": 2}},
    {"prompt": "Give a JSON object with keys website and price_usd for: \"Subscribe at www.trailmix.example "
               "for just $9.99 a month.\"",
     "expect": {"website": "www.trailmix.example", "price_usd": 9.99}},
]

# --------------------------------------------------------------------------- choosing and filling a call

_PY_FORMAT = ("You have access to functions. If you decide to invoke any of the function(s), you MUST put it "
              "in the format of\n[func_name1(params_name1=params_value1, params_name2=params_value2...), "
              "func_name2(params)]\n\nYou SHOULD NOT include any other text in the response if you call a "
              "function\n")
_JSON_FORMAT = ("You have access to functions. If you decide to invoke any of the function(s), you MUST put it "
                "in the format of\n{\"name\": function name, \"parameters\": dictionary of argument name and "
                "its value}\n\nYou SHOULD NOT include any other text in the response if you call a function\n")


def _fn(name, description, properties, required=()):
    return {"name": name, "description": description,
            "parameters": {"type": "object", "properties": properties, "required": list(required)}}


CONVERT = _fn("convert_currency", "Convert an amount of money from one currency to another",
              {"amount": {"type": "number"}, "from_currency": {"type": "string", "description": "ISO code, e.g. USD"},
               "to_currency": {"type": "string", "description": "ISO code, e.g. EUR"}},
              ["amount", "from_currency", "to_currency"])
TRACK = _fn("track_parcel", "Get the delivery status of a parcel by its tracking number",
            {"tracking_number": {"type": "string"}}, ["tracking_number"])
THERMOSTAT = _fn("set_thermostat", "Set the target temperature of a room's thermostat",
                 {"room": {"type": "string", "enum": ["kitchen", "bedroom", "living room", "office"]},
                  "temperature": {"type": "number", "description": "degrees Celsius"}}, ["room", "temperature"])
BOOK_TABLE = _fn("book_table", "Reserve a table at a restaurant",
                 {"restaurant": {"type": "string"}, "people": {"type": "integer"},
                  "time": {"type": "string", "description": "24-hour time, HH:MM"}}, ["restaurant", "people", "time"])
STOCK = _fn("get_stock_price", "Look up the latest share price for a stock ticker symbol",
            {"ticker": {"type": "string", "description": "e.g. AAPL"}}, ["ticker"])
REMINDER = _fn("create_reminder", "Create a reminder with a message at a given time",
               {"message": {"type": "string"}, "time": {"type": "string"},
                "repeat_daily": {"type": "boolean", "description": "repeat every day"}}, ["message", "time"])
BMI = _fn("calculate_bmi", "Calculate body mass index from weight and height",
          {"weight_kg": {"type": "number"}, "height_cm": {"type": "number"}}, ["weight_kg", "height_cm"])
INVENTORY = _fn("check_inventory", "Check how many units of a product are in stock at a store",
                {"sku": {"type": "string", "description": "product SKU"},
                 "store": {"type": "string", "enum": ["north", "south", "online"]}}, ["sku"])
TRAINS = _fn("find_trains", "Find train connections between two stations on a date",
             {"from_station": {"type": "string"}, "to_station": {"type": "string"},
              "date": {"type": "string"}, "first_class": {"type": "boolean"}}, ["from_station", "to_station"])
TRANSLATE = _fn("translate_text", "Translate text into another language",
                {"text": {"type": "string"},
                 "target_language": {"type": "string", "enum": ["French", "German", "Spanish", "Italian"]}},
                ["text", "target_language"])
TIMER = _fn("start_timer", "Start a countdown timer", {"minutes": {"type": "integer"}}, ["minutes"])
PLAYLIST = _fn("play_music", "Play music by an artist or of a genre",
               {"artist": {"type": "string"}, "genre": {"type": "string", "enum": ["jazz", "rock", "classical",
                                                                                  "pop"]},
                "volume": {"type": "integer", "description": "0 to 100"}})

CALL_CASES = [
    {"functions": [CONVERT, TRACK], "format": "python",
     "question": "How much is 250 US dollars in euros?",
     "expect": ("convert_currency", {"amount": 250, "from_currency": "USD", "to_currency": "EUR"})},
    {"functions": [CONVERT, TRACK], "format": "json",
     "question": "Where is my parcel? The tracking number is JD014600003828.",
     "expect": ("track_parcel", {"tracking_number": "JD014600003828"})},
    {"functions": [THERMOSTAT, TIMER], "format": "python",
     "question": "It's freezing in the bedroom, set it to 22 degrees please.",
     "expect": ("set_thermostat", {"room": "bedroom", "temperature": 22})},
    {"functions": [BOOK_TABLE, REMINDER], "format": "json",
     "question": "Book a table for 4 at Casa Lucia at 19:30.",
     "expect": ("book_table", {"restaurant": "Casa Lucia", "people": 4, "time": "19:30"})},
    {"functions": [STOCK, CONVERT], "format": "python",
     "question": "What's NVDA trading at right now?",
     "expect": ("get_stock_price", {"ticker": "NVDA"})},
    {"functions": [REMINDER, TIMER], "format": "python",
     "question": "Remind me to water the plants at 08:00 every day.",
     "expect": ("create_reminder", {"message": "water the plants", "time": "08:00", "repeat_daily": True})},
    {"functions": [BMI, CONVERT], "format": "json",
     "question": "I weigh 72 kg and I'm 180 cm tall. What's my BMI?",
     "expect": ("calculate_bmi", {"weight_kg": 72, "height_cm": 180})},
    {"functions": [INVENTORY, TRACK], "format": "python",
     "question": "Do you have SKU 44-1093 in stock at the south store?",
     "expect": ("check_inventory", {"sku": "44-1093", "store": "south"})},
    {"functions": [TRAINS, BOOK_TABLE], "format": "json",
     "question": "Find me a train from Utrecht to Cologne on 2025-11-02.",
     "expect": ("find_trains", {"from_station": "Utrecht", "to_station": "Cologne", "date": "2025-11-02"})},
    {"functions": [TRANSLATE, STOCK], "format": "python",
     "question": "Translate 'where is the station' into German.",
     "expect": ("translate_text", {"text": "where is the station", "target_language": "German"})},
    {"functions": [TIMER, THERMOSTAT], "format": "json",
     "question": "Start a 15 minute timer for the pasta.",
     "expect": ("start_timer", {"minutes": 15})},
    {"functions": [PLAYLIST, TIMER], "format": "python",
     "question": "Put on some jazz at volume 30.",
     "expect": ("play_music", {"genre": "jazz", "volume": 30})},
    {"functions": [CONVERT, STOCK], "format": "json",
     "question": "Convert 80 GBP to Japanese yen.",
     "expect": ("convert_currency", {"amount": 80, "from_currency": "GBP", "to_currency": "JPY"})},
    {"functions": [THERMOSTAT, PLAYLIST], "format": "json",
     "question": "Make the office 19.5 degrees.",
     "expect": ("set_thermostat", {"room": "office", "temperature": 19.5})},
    {"functions": [TRAINS, TRACK], "format": "python",
     "question": "Are there first class trains from Lyon to Marseille?",
     "expect": ("find_trains", {"from_station": "Lyon", "to_station": "Marseille", "first_class": True})},
    {"functions": [BOOK_TABLE, TRACK], "format": "python",
     "question": "Reserve Golden Lotus for 2 people at 20:00 tonight.",
     "expect": ("book_table", {"restaurant": "Golden Lotus", "people": 2, "time": "20:00"})},
    {"functions": [CONVERT, TRACK], "format": "python",
     "question": "Who wrote the novel Middlemarch?", "expect": None},
    {"functions": [THERMOSTAT, TIMER], "format": "json",
     "question": "Tell me a fun fact about octopuses.", "expect": None},
    {"functions": [STOCK, BMI], "format": "python",
     "question": "What is 17 times 23?", "expect": None},
    {"functions": [TRANSLATE, REMINDER], "format": "json",
     "question": "Please translate 'good morning' into Spanish.",
     "expect": ("translate_text", {"text": "good morning", "target_language": "Spanish"})},
]
for _case in CALL_CASES:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

# --------------------------------------------------------------------------- using a returned result

RESULT_CASES = [
    {"case": 0, "call": '[convert_currency(amount=250, from_currency="USD", to_currency="EUR")]',
     "result": "Function result: {\"converted_amount\": 231.75, \"currency\": \"EUR\"}", "says": ["231.75"]},
    {"case": 1, "call": '{"name": "track_parcel", "parameters": {"tracking_number": "JD014600003828"}}',
     "result": "The function returned: {\"status\": \"out for delivery\", \"eta\": \"today 16:00\"}",
     "says": ["out for delivery", "16:00"]},
    {"case": 2, "call": '[set_thermostat(room="bedroom", temperature=22)]',
     "result": "```tool_output\n{\"ok\": true, \"target\": 22}\n```", "says": ["22"]},
    {"case": 4, "call": '[get_stock_price(ticker="NVDA")]',
     "result": "Result of get_stock_price: 131.38", "says": ["131.38"]},
    {"case": 6, "call": '{"name": "calculate_bmi", "parameters": {"weight_kg": 72, "height_cm": 180}}',
     "result": "Here is the output of the function: {\"bmi\": 22.2, \"category\": \"normal weight\"}",
     "says": ["22.2", "normal weight"]},
    {"case": 7, "call": '[check_inventory(sku="44-1093", store="south")]',
     "result": "Function output: {\"units\": 0, \"next_delivery\": \"2025-06-03\"}", "says": ["0", "2025-06-03"]},
    {"case": 8, "call": '{"name": "find_trains", "parameters": {"from_station": "Utrecht", "to_station": '
                        '"Cologne", "date": "2025-11-02"}}',
     "result": "Result: {\"departures\": [\"07:12\", \"09:12\"], \"duration\": \"2h 40m\"}",
     "says": ["07:12", "09:12", "2h 40m"]},
    {"case": 9, "call": '[translate_text(text="where is the station", target_language="German")]',
     "result": "The function returned \"Wo ist der Bahnhof?\"", "says": ["Wo ist der Bahnhof?"]},
    {"case": 12, "call": '{"name": "convert_currency", "parameters": {"amount": 80, "from_currency": "GBP", '
                         '"to_currency": "JPY"}}',
     "result": "convert_currency returned: {\"converted_amount\": 15322, \"currency\": \"JPY\"}",
     "says": ["15322"]},
    {"case": 10, "call": '{"name": "start_timer", "parameters": {"minutes": 15}}',
     "result": "Function result: {\"timer_id\": \"t-77\", \"ends_at\": \"18:45\"}", "says": ["18:45"]},
]
for _case in RESULT_CASES:
    _case["messages"] = [{"role": "user", "content": CALL_CASES[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- a second set, written later
#
# The set above was used while the practice server's skills were built (what it got wrong was fixed), so
# it no longer measures prompts the server has never seen. The set below was written after that work was
# done, committed before it was ever run, and measured as it stood.

#: An argument any non-empty text satisfies (a summary the model words itself).
ANY_TEXT = "<any non-empty text>"

JSON_CASES_B = [
    {"prompt": "Please extract the appointment as JSON (keys: patient, doctor, date, time).\n\n"
               "Text: Reminder for Ms. Fatima Zahra: your check-up with Dr. Okonkwo is on 9 April at 11:15.",
     "expect": {"date": "9 April", "time": "11:15"}},
    {"prompt": "Output a JSON object with keys make, model, year and mileage_km for this car ad:\n"
               "2017 Toyota Corolla, 84000 km, one owner, full service history.",
     "expect": {"year": 2017, "mileage_km": 84000}},
    {"prompt": "I need this expense as JSON. Fields: merchant, amount, currency, category "
               "(one of: travel, meals, office, other).\nReceipt: Lunch at Bistro Lumiere, 38.40 EUR.",
     "expect": {"amount": 38.4, "currency": "EUR", "category": "meals"}},
    {"prompt": "Read the listing and give JSON with \"bedrooms\", \"price\" and \"city\".\n"
               "Listing: Bright 3-bedroom flat in Porto, asking 245000 euros, close to the river.",
     "expect": {"bedrooms": 3, "price": 245000, "city": "Porto"}},
    {"prompt": "Convert the leave request to JSON with keys employee, start_date, end_date, reason.\n"
               "Email: Hi HR, this is Marta Silva. I'd like to take leave from 2025-07-14 to 2025-07-25 "
               "for a family wedding. Thanks!",
     "expect": {"employee": "Marta Silva", "start_date": "2025-07-14", "end_date": "2025-07-25"}},
    {"prompt": "Return JSON of this shape: {\"team_home\": \"\", \"team_away\": \"\", \"score_home\": 0, "
               "\"score_away\": 0}\nMatch report: Riverside beat Hillcrest 3-1 at home on Saturday.",
     "expect": {"score_home": 3, "score_away": 1}},
    {"prompt": "Extract into JSON, keys email and order_id only:\n\"Order 55-2901 confirmed. Questions? "
               "support@lumenlamps.example\"",
     "expect": {"email": "support@lumenlamps.example", "order_id": "55-2901"}},
    {"prompt": "From the customer review, produce JSON with keys sentiment (positive/negative/neutral) and "
               "stars (a number).\nReview: Delivery was quick and the headphones sound amazing. 5 stars!",
     "expect": {"sentiment": "positive", "stars": 5}},
    {"prompt": "Give me the ticket as a JSON object with the fields event, venue, seats and price_eur.\n"
               "Your booking: 2 seats for Swan Lake at the Royal Opera House, 120 EUR in total.",
     "expect": {"seats": 2, "price_eur": 120}},
    {"prompt": "Summarise this contact as JSON: first_name, last_name, company, phone.\n"
               "Contact: Luis Ortega works at Brightwave Solar. Mobile: +34 611 222 333.",
     "expect": {"first_name": "Luis", "last_name": "Ortega", "phone": "+34 611 222 333"}},
    {"prompt": "Answer in JSON with keys language and greeting for: \"Bonjour tout le monde\" - which "
               "language is this?",
     "expect": {"language": "French"}},
    {"prompt": "JSON schema:\n" + json.dumps({"type": "object", "properties": {
        "height_m": {"type": "number"}, "name": {"type": "string"}, "country": {"type": "string"}}}) +
               "\nFill it from: Mount Kilimanjaro, in Tanzania, rises to 5895 m. Return the JSON only.",
     "expect": {"height_m": 5895, "country": "Tanzania"}},
    {"prompt": "Return a JSON object with keys \"is_refund_request\" (true or false) and \"order_number\".\n"
               "Message: Hello, I would like a refund for order 448120, the mug arrived broken.",
     "expect": {"is_refund_request": True, "order_number": "448120"}},
    {"prompt": "Extract the workout as JSON with the keys activity, distance_km and duration_minutes.\n"
               "Log: Ran 10.5 km along the canal in 58 minutes this morning.",
     "expect": {"distance_km": 10.5, "duration_minutes": 58}},
]

CLEAN_TIP = _fn("calculate_tip", "Calculate the tip for a restaurant bill",
                {"bill_amount": {"type": "number"}, "percent": {"type": "number", "description": "tip percentage"}},
                ["bill_amount", "percent"])
LIGHTS = _fn("set_lights", "Turn the lights in a room on or off, optionally with a brightness",
             {"room": {"type": "string"}, "on": {"type": "boolean"},
              "brightness": {"type": "integer", "description": "0 to 100"}}, ["room", "on"])
FLIGHT_STATUS = _fn("get_flight_status", "Get the live status of a flight by its flight number",
                    {"flight_number": {"type": "string", "description": "e.g. BA117"}}, ["flight_number"])
SEND_EMAIL = _fn("send_email", "Send an email to someone",
                 {"to": {"type": "string", "description": "email address"}, "subject": {"type": "string"},
                  "body": {"type": "string"}}, ["to", "subject"])
RENT_CAR = _fn("rent_car", "Rent a car in a city for a number of days",
               {"city": {"type": "string"}, "days": {"type": "integer"},
                "car_type": {"type": "string", "enum": ["compact", "suv", "van"]}}, ["city", "days"])
TICKET = _fn("create_support_ticket", "Open an IT support ticket",
             {"summary": {"type": "string"}, "priority": {"type": "string", "enum": ["low", "medium", "high"]}},
             ["summary", "priority"])
LIBRARY = _fn("check_book_availability", "Check whether the library has a book available to borrow",
              {"title": {"type": "string"}}, ["title"])
TAXI = _fn("order_taxi", "Order a taxi to pick you up at an address",
           {"pickup_address": {"type": "string"}, "passengers": {"type": "integer"}}, ["pickup_address"])

CALL_CASES_B = [
    {"functions": [CLEAN_TIP, LIGHTS], "format": "python",
     "question": "What's a 15 percent tip on a bill of 64 dollars?",
     "expect": ("calculate_tip", {"bill_amount": 64, "percent": 15})},
    {"functions": [LIGHTS, CLEAN_TIP], "format": "json",
     "question": "Switch off the lights in the kitchen.",
     "expect": ("set_lights", {"room": "kitchen", "on": False})},
    {"functions": [FLIGHT_STATUS, RENT_CAR], "format": "python",
     "question": "Is flight LH400 on time?",
     "expect": ("get_flight_status", {"flight_number": "LH400"})},
    {"functions": [SEND_EMAIL, TICKET], "format": "json",
     "question": "Email priya@corp.example with the subject 'Budget draft'.",
     "expect": ("send_email", {"to": "priya@corp.example", "subject": "Budget draft"})},
    {"functions": [RENT_CAR, FLIGHT_STATUS], "format": "python",
     "question": "I need an SUV in Denver for 5 days.",
     "expect": ("rent_car", {"city": "Denver", "days": 5, "car_type": "suv"})},
    {"functions": [TICKET, SEND_EMAIL], "format": "python",
     "question": "My laptop won't boot and I have a client demo in an hour, please open an urgent ticket.",
     "expect": ("create_support_ticket", {"summary": ANY_TEXT, "priority": "high"})},
    {"functions": [LIBRARY, TAXI], "format": "json",
     "question": "Can I borrow \"The Left Hand of Darkness\" from the library?",
     "expect": ("check_book_availability", {"title": "The Left Hand of Darkness"})},
    {"functions": [TAXI, LIBRARY], "format": "python",
     "question": "Get me a taxi for 3 people from 14 Harbour Road.",
     "expect": ("order_taxi", {"pickup_address": "14 Harbour Road", "passengers": 3})},
    {"functions": [LIGHTS, TAXI], "format": "python",
     "question": "Turn on the living room lights at 40 percent brightness.",
     "expect": ("set_lights", {"room": "living room", "on": True, "brightness": 40})},
    {"functions": [CLEAN_TIP, FLIGHT_STATUS], "format": "json",
     "question": "What is the tallest mountain in Africa?", "expect": None},
    {"functions": [RENT_CAR, SEND_EMAIL], "format": "python",
     "question": "Write me a haiku about autumn.", "expect": None},
    {"functions": [FLIGHT_STATUS, CLEAN_TIP], "format": "json",
     "question": "Has BA117 landed yet?",
     "expect": ("get_flight_status", {"flight_number": "BA117"})},
]
for _case in CALL_CASES_B:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_B = [
    {"case": 0, "call": '[calculate_tip(bill_amount=64, percent=15)]',
     "result": "Function result: {\"tip\": 9.6, \"total\": 73.6}", "says": ["9.6", "73.6"]},
    {"case": 2, "call": '[get_flight_status(flight_number="LH400")]',
     "result": "Tool output: {\"status\": \"delayed\", \"new_departure\": \"18:05\"}", "says": ["delayed", "18:05"]},
    {"case": 4, "call": '[rent_car(city="Denver", days=5, car_type="suv")]',
     "result": "The function returned {\"confirmation\": \"RC-5512\", \"price_usd\": 410}",
     "says": ["RC-5512", "410"]},
    {"case": 6, "call": '{"name": "check_book_availability", "parameters": {"title": "The Left Hand of Darkness"}}',
     "result": "Result: {\"available\": false, \"due_back\": \"2025-05-20\"}", "says": ["2025-05-20"]},
    {"case": 7, "call": '[order_taxi(pickup_address="14 Harbour Road", passengers=3)]',
     "result": "Output of order_taxi: {\"eta_minutes\": 7, \"driver\": \"Sam\"}", "says": ["7", "Sam"]},
    {"case": 11, "call": '{"name": "get_flight_status", "parameters": {"flight_number": "BA117"}}',
     "result": "Function result: \"landed at 06:42\"", "says": ["06:42"]},
]
for _case in RESULT_CASES_B:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_B[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- a third set, written last
#
# The second set's misses were fixed in general ways, so it too has now been seen. This third set was
# written after those fixes, committed before it was ever run, and measured as it stood.

JSON_CASES_C = [
    {"prompt": "Format your reply as JSON with `fullName`, `email` and `city`.\n\nHey there! Jonas Lindqvist here, "
               "based in Gothenburg. Best way to reach me is jonas.l@fjord.example.",
     "expect": {"fullName": "Jonas Lindqvist", "email": "jonas.l@fjord.example", "city": "Gothenburg"}},
    {"prompt": "Put the key facts of this news snippet in JSON: keys \"company\", \"employees\", \"year\".\n"
               "Snippet: Northwind Robotics, which employs 1,200 people, was founded in 2009.",
     "expect": {"employees": 1200, "year": 2009}},
    {"prompt": "Return JSON only, with these fields:\n- product (string)\n- quantity (integer)\n- unit_price "
               "(number)\n\nOrder line: 12 x Ceramic Mug @ 7.50 each",
     "expect": {"quantity": 12, "unit_price": 7.5}},
    {"prompt": "Create a JSON object for this event. Use the keys name, date, city and ticket_price.\n"
               "The Harbour Jazz Festival returns to Halifax on August 22, 2025. Tickets cost $45.",
     "expect": {"date": "August 22, 2025", "city": "Halifax", "ticket_price": 45}},
    {"prompt": "Extract the sender's details as JSON (keys: name, company, email).\n\n"
               "From: Amara Nwosu <amara@greenleaf.example>\nSubject: Partnership\n\nHello, I represent "
               "Greenleaf Foods and would love to talk.",
     "expect": {"name": "Amara Nwosu", "email": "amara@greenleaf.example"}},
    {"prompt": "Give the weather report as JSON with keys city, temperature_c and condition "
               "(one of: sunny, cloudy, rainy, snowy).\nReport: Rainy afternoon in Bergen, 11 C.",
     "expect": {"city": "Bergen", "temperature_c": 11, "condition": "rainy"}},
    {"prompt": "Respond with a JSON object: {\"student\": \"\", \"grade\": 0, \"passed\": true}\n"
               "Note: Chloe Martin scored 48 on the final and did not pass.",
     "expect": {"student": "Chloe Martin", "grade": 48, "passed": False}},
    {"prompt": "I'll give you a sentence. Reply in JSON with the keys person, age and pet.\n"
               "Sentence: Eight-year-old Mia has a hamster called Peanut.",
     "expect": {"person": "Mia", "age": 8}},
    {"prompt": "Extract as JSON: {\"vendor\": string, \"invoice_date\": string, \"due_amount\": number}\n"
               "Text: Invoice from Castell Print Ltd dated 03/02/2025. Amount due: 512.00 GBP.",
     "expect": {"invoice_date": "03/02/2025", "due_amount": 512}},
    {"prompt": "Produce JSON (keys: url, title) for the link in: Check out \"Ten Tiny Gardens\" at "
               "https://blog.example.org/tiny-gardens today!",
     "expect": {"url": "https://blog.example.org/tiny-gardens", "title": "Ten Tiny Gardens"}},
    {"prompt": "Please return a JSON object with the keys \"priority\" (low/medium/high) and \"component\".\n"
               "Issue: Minor typo on the About page, no rush.",
     "expect": {"priority": "low"}},
    {"prompt": "Parse into JSON with keys from_city, to_city, depart_time:\n"
               "\"The overnight bus leaves Lyon at 22:40 and reaches Milan early next morning.\"",
     "expect": {"from_city": "Lyon", "to_city": "Milan", "depart_time": "22:40"}},
]

CALENDAR = _fn("add_calendar_event", "Add an event to the user's calendar",
               {"title": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                "time": {"type": "string"}}, ["title", "date"])
RECIPES = _fn("search_recipes", "Search recipes by ingredient",
              {"ingredient": {"type": "string"}, "max_minutes": {"type": "integer"},
               "vegetarian": {"type": "boolean"}}, ["ingredient"])
DEFINE = _fn("define_word", "Look up the dictionary definition of an English word",
             {"word": {"type": "string"}}, ["word"])
SCORE = _fn("get_match_score", "Get the latest score of a football match between two teams",
            {"home_team": {"type": "string"}, "away_team": {"type": "string"}}, ["home_team", "away_team"])
VOLUME = _fn("set_volume", "Set the speaker volume",
             {"level": {"type": "integer", "description": "0 to 100"}}, ["level"])
SPLIT = _fn("split_bill", "Split a bill evenly between a number of people",
            {"total": {"type": "number"}, "people": {"type": "integer"}}, ["total", "people"])
PARKING = _fn("find_parking", "Find a parking spot near an address",
              {"near": {"type": "string"}, "covered": {"type": "boolean"}}, ["near"])

CALL_CASES_C = [
    {"functions": [CALENDAR, VOLUME], "format": "json",
     "question": "Add 'Dentist' to my calendar on 2025-10-03 at 09:30.",
     "expect": ("add_calendar_event", {"title": "Dentist", "date": "2025-10-03", "time": "09:30"})},
    {"functions": [RECIPES, DEFINE], "format": "python",
     "question": "Find me a vegetarian recipe with mushrooms that takes under 30 minutes.",
     "expect": ("search_recipes", {"ingredient": "mushrooms", "max_minutes": 30, "vegetarian": True})},
    {"functions": [DEFINE, RECIPES], "format": "json",
     "question": "What does the word 'ephemeral' mean?",
     "expect": ("define_word", {"word": "ephemeral"})},
    {"functions": [SCORE, VOLUME], "format": "python",
     "question": "What's the score in the Arsenal vs Chelsea game?",
     "expect": ("get_match_score", {"home_team": "Arsenal", "away_team": "Chelsea"})},
    {"functions": [VOLUME, CALENDAR], "format": "python",
     "question": "Turn the volume down to 20.",
     "expect": ("set_volume", {"level": 20})},
    {"functions": [SPLIT, SCORE], "format": "json",
     "question": "We spent 180 euros on dinner, split it between 4 of us.",
     "expect": ("split_bill", {"total": 180, "people": 4})},
    {"functions": [PARKING, SPLIT], "format": "python",
     "question": "I need covered parking near 25 Queen Street.",
     "expect": ("find_parking", {"near": "25 Queen Street", "covered": True})},
    {"functions": [SPLIT, DEFINE], "format": "python",
     "question": "Who painted the Mona Lisa?", "expect": None},
    {"functions": [VOLUME, PARKING], "format": "json",
     "question": "Recommend a good book for a long flight.", "expect": None},
    {"functions": [RECIPES, SCORE], "format": "json",
     "question": "Any recipes using chickpeas?",
     "expect": ("search_recipes", {"ingredient": "chickpeas"})},
]
for _case in CALL_CASES_C:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_C = [
    {"case": 0, "call": '{"name": "add_calendar_event", "parameters": {"title": "Dentist", "date": "2025-10-03", '
                        '"time": "09:30"}}',
     "result": "Result from add_calendar_event: {\"event_id\": \"ev-301\", \"status\": \"created\"}",
     "says": ["created"]},
    {"case": 3, "call": '[get_match_score(home_team="Arsenal", away_team="Chelsea")]',
     "result": "Function output: {\"home\": 2, \"away\": 2, \"minute\": 78}", "says": ["2", "78"]},
    {"case": 5, "call": '{"name": "split_bill", "parameters": {"total": 180, "people": 4}}',
     "result": "The tool says: {\"each\": 45.0}", "says": ["45"]},
    {"case": 2, "call": '{"name": "define_word", "parameters": {"word": "ephemeral"}}',
     "result": "Function result: \"lasting for a very short time\"", "says": ["lasting for a very short time"]},
]
for _case in RESULT_CASES_C:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_C[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- a fourth set, written last of all
#
# The third set's misses were fixed too. This set was written after those fixes, committed before it
# was ever run, and is the one make bench's notes call "never seen".

JSON_CASES_D = [
    {"prompt": "Turn this into JSON with keys name, role and start_date.\n\n"
               "Welcome aboard! Please greet Daniel Osei, our new QA Engineer, who joins us on 1 September.",
     "expect": {"name": "Daniel Osei", "start_date": "1 September"}},
    {"prompt": "Extract the order as a JSON object. Keys: order_number, items, total_usd.\n"
               "Thanks for your order #A7731! 3 items, total $59.97.",
     "expect": {"items": 3, "total_usd": 59.97}},
    {"prompt": "As JSON please (keys: title, director, year):\nDirected by Agnes Varda, \"Cleo from 5 to 7\" "
               "came out in 1962.",
     "expect": {"title": "Cleo from 5 to 7", "director": "Agnes Varda", "year": 1962}},
    {"prompt": "Classify the email and reply with JSON of the form {\"spam\": true, \"reason\": \"...\"}.\n"
               "Email: CONGRATULATIONS!!! You have WON a free cruise, click here to claim your prize now.",
     "expect": {"spam": True}},
    {"prompt": "Return JSON with keys \"sender\", \"phone\" and \"callback_time\".\n"
               "Voicemail: Hi, it's Olga Petrenko, please call me back on 020 7946 0958 after 3pm. Thanks.",
     "expect": {"sender": "Olga Petrenko", "phone": "020 7946 0958", "callback_time": "3pm"}},
    {"prompt": "Get the apartment details into JSON: rent_per_month (number), deposit (number), "
               "available_from (string).\nAd: Rent 1450 per month, deposit 2900, available from 15 June.",
     "expect": {"rent_per_month": 1450, "deposit": 2900, "available_from": "15 June"}},
    {"prompt": "Read this and output JSON with the keys country and population_millions.\n"
               "Text: Portugal has a population of about 10.4 million people.",
     "expect": {"country": "Portugal", "population_millions": 10.4}},
    {"prompt": "JSON please, with keys name, email, newsletter (boolean):\n"
               "Sign-up form: Name: Ren Tanaka / Email: ren.t@mail.example / Newsletter: yes",
     "expect": {"name": "Ren Tanaka", "email": "ren.t@mail.example", "newsletter": True}},
    {"prompt": "Extract the flight delay info as JSON with keys flight, delay_minutes, new_gate.\n"
               "Announcement: Flight AF1145 is delayed by 45 minutes and will now board from gate B22.",
     "expect": {"flight": "AF1145", "delay_minutes": 45, "new_gate": "B22"}},
    {"prompt": "Please respond only with JSON containing sentiment and score (1-10).\n"
               "Feedback: The workshop was okay, some parts were useful but it ran too long. I'd give it a 6.",
     "expect": {"score": 6}},
]

GEOCODE = _fn("geocode", "Get the latitude and longitude of a place name",
              {"place": {"type": "string"}}, ["place"])
NOTE = _fn("save_note", "Save a short note for the user",
           {"text": {"type": "string"}, "pinned": {"type": "boolean"}}, ["text"])
CONVERT_UNITS = _fn("convert_units", "Convert a value from one unit to another",
                    {"value": {"type": "number"}, "from_unit": {"type": "string", "enum": ["km", "miles", "kg", "lb"]},
                     "to_unit": {"type": "string", "enum": ["km", "miles", "kg", "lb"]}},
                    ["value", "from_unit", "to_unit"])
ALARM = _fn("set_alarm", "Set an alarm clock", {"time": {"type": "string", "description": "HH:MM, 24-hour"},
                                                "label": {"type": "string"}}, ["time"])
POLL = _fn("get_air_quality", "Get the current air quality index for a city", {"city": {"type": "string"}}, ["city"])

CALL_CASES_D = [
    {"functions": [GEOCODE, NOTE], "format": "python",
     "question": "Where exactly is Timbuktu on the map? I need the coordinates.",
     "expect": ("geocode", {"place": "Timbuktu"})},
    {"functions": [NOTE, ALARM], "format": "json",
     "question": "Save a note: buy oat milk and batteries. Pin it.",
     "expect": ("save_note", {"text": ANY_TEXT, "pinned": True})},
    {"functions": [CONVERT_UNITS, POLL], "format": "python",
     "question": "How many miles is 42 km?",
     "expect": ("convert_units", {"value": 42, "from_unit": "km", "to_unit": "miles"})},
    {"functions": [ALARM, NOTE], "format": "python",
     "question": "Wake me up at 6:45 tomorrow.",
     "expect": ("set_alarm", {"time": "06:45"})},
    {"functions": [POLL, GEOCODE], "format": "json",
     "question": "Is the air in Delhi safe to breathe today?",
     "expect": ("get_air_quality", {"city": "Delhi"})},
    {"functions": [CONVERT_UNITS, ALARM], "format": "json",
     "question": "Convert 150 lb to kg.",
     "expect": ("convert_units", {"value": 150, "from_unit": "lb", "to_unit": "kg"})},
    {"functions": [GEOCODE, POLL], "format": "python",
     "question": "Tell me a joke about penguins.", "expect": None},
    {"functions": [NOTE, CONVERT_UNITS], "format": "json",
     "question": "What year did the Berlin Wall fall?", "expect": None},
]
for _case in CALL_CASES_D:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_D = [
    {"case": 0, "call": '[geocode(place="Timbuktu")]',
     "result": "geocode result: {\"lat\": 16.77, \"lon\": -3.01}", "says": ["16.77", "-3.01"]},
    {"case": 2, "call": '[convert_units(value=42, from_unit="km", to_unit="miles")]',
     "result": "Function returned 26.1", "says": ["26.1"]},
    {"case": 4, "call": '{"name": "get_air_quality", "parameters": {"city": "Delhi"}}',
     "result": "Result: {\"aqi\": 182, \"level\": \"unhealthy\"}", "says": ["182", "unhealthy"]},
]
for _case in RESULT_CASES_D:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_D[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- a fifth set, kept unseen
#
# The fourth set's misses were fixed as well. This set was written after those fixes and committed
# before it was ever run. Leave it unfixed: it is make bench's measure of prompts never seen. (Fixing
# what it shows is welcome, but then write a new set to take its place.)

JSON_CASES_E = [
    {"prompt": "Give me a JSON object with keys customer, product and issue for this ticket:\n"
               "\"Hi, Sven Larsen here. My Aquila coffee grinder makes a grinding noise and stops after a few "
               "seconds.\"",
     "expect": {"customer": "Sven Larsen"}},
    {"prompt": "Return the booking as JSON: hotel, nights, check_in (YYYY-MM-DD), guests.\n"
               "Confirmation: Hotel Miramar, 2 nights from 2025-12-27, 2 guests.",
     "expect": {"nights": 2, "check_in": "2025-12-27", "guests": 2}},
    {"prompt": "Extract JSON with keys name and age from: \"Grandpa Walter turned 91 last week.\"",
     "expect": {"name": "Walter", "age": 91}},
    {"prompt": "In JSON, give the keys city, country and population for: Auckland is the largest city in "
               "New Zealand, home to about 1.7 million people.",
     "expect": {"city": "Auckland", "country": "New Zealand"}},
    {"prompt": "Output JSON only. Fields: invoice_id, customer_email, amount_due.\n"
               "Invoice #88-1204 for jo.baker@shopmail.example: amount due 96.20.",
     "expect": {"customer_email": "jo.baker@shopmail.example", "amount_due": 96.2}},
    {"prompt": "Describe the pet in JSON with keys species, name, age_years and neutered (true/false).\n"
               "Pip is a 2-year-old rabbit. She has not been neutered yet.",
     "expect": {"name": "Pip", "age_years": 2, "neutered": False}},
    {"prompt": "Read the message and return JSON {\"language\": \"...\", \"translation\": \"...\"}.\n"
               "Message: Danke schön für die Hilfe!",
     "expect": {"language": "German"}},
    {"prompt": "Make a JSON object from this sentence with keys speaker, event, time:\n"
               "Professor Ines Duarte will give the opening talk at 9:00 on Monday.",
     "expect": {"speaker": "Ines Duarte", "time": "9:00"}},
    {"prompt": "Please answer in JSON with keys temperature_f and feels_like_f.\n"
               "Forecast: 68 F, feels like 65 F, light breeze.",
     "expect": {"temperature_f": 68, "feels_like_f": 65}},
    {"prompt": "JSON with the keys url and status_code for this log line:\n"
               "GET https://api.example.com/v2/users returned 404 in 35 ms",
     "expect": {"url": "https://api.example.com/v2/users", "status_code": 404}},
]

BOOK_GYM = _fn("book_gym_class", "Book a place in a gym class",
               {"class_name": {"type": "string", "enum": ["yoga", "spinning", "pilates", "boxing"]},
                "day": {"type": "string"}, "time": {"type": "string"}}, ["class_name", "day"])
LOOKUP_ORDER = _fn("lookup_order", "Look up an online order by its order ID",
                   {"order_id": {"type": "string"}}, ["order_id"])
CURRENCY_RATE = _fn("get_exchange_rate", "Get today's exchange rate between two currencies",
                    {"base": {"type": "string", "description": "ISO code"},
                     "quote": {"type": "string", "description": "ISO code"}}, ["base", "quote"])
PLANT = _fn("water_plants", "Water the garden plants for a number of minutes",
            {"minutes": {"type": "integer"}, "zone": {"type": "string", "enum": ["front", "back"]}}, ["minutes"])
PODCAST = _fn("play_podcast", "Play the latest episode of a podcast", {"show": {"type": "string"}}, ["show"])

CALL_CASES_E = [
    {"functions": [BOOK_GYM, LOOKUP_ORDER], "format": "python",
     "question": "Sign me up for pilates on Wednesday at 18:00.",
     "expect": ("book_gym_class", {"class_name": "pilates", "day": "Wednesday", "time": "18:00"})},
    {"functions": [LOOKUP_ORDER, PODCAST], "format": "json",
     "question": "What's happening with order 7741-XK?",
     "expect": ("lookup_order", {"order_id": "7741-XK"})},
    {"functions": [CURRENCY_RATE, PLANT], "format": "python",
     "question": "What's the euro to Swiss franc rate today?",
     "expect": ("get_exchange_rate", {"base": "EUR", "quote": "CHF"})},
    {"functions": [PLANT, BOOK_GYM], "format": "json",
     "question": "Water the back garden for 20 minutes.",
     "expect": ("water_plants", {"minutes": 20, "zone": "back"})},
    {"functions": [PODCAST, LOOKUP_ORDER], "format": "python",
     "question": "Play the newest episode of Hidden Brain.",
     "expect": ("play_podcast", {"show": "Hidden Brain"})},
    {"functions": [CURRENCY_RATE, PODCAST], "format": "json",
     "question": "How do volcanoes form?", "expect": None},
    {"functions": [BOOK_GYM, PLANT], "format": "python",
     "question": "Can you book me into boxing on Friday?",
     "expect": ("book_gym_class", {"class_name": "boxing", "day": "Friday"})},
]
for _case in CALL_CASES_E:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_E = [
    {"case": 1, "call": '{"name": "lookup_order", "parameters": {"order_id": "7741-XK"}}',
     "result": "Function result: {\"status\": \"shipped\", \"carrier\": \"UPS\", \"eta\": \"Thursday\"}",
     "says": ["shipped", "UPS", "Thursday"]},
    {"case": 2, "call": '[get_exchange_rate(base="EUR", quote="CHF")]',
     "result": "Tool result: 0.94", "says": ["0.94"]},
    {"case": 4, "call": '[play_podcast(show="Hidden Brain")]',
     "result": "Result: {\"playing\": true, \"episode\": \"Why we procrastinate\"}",
     "says": ["Why we procrastinate"]},
]
for _case in RESULT_CASES_E:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_E[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]
