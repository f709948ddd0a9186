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

# --------------------------------------------------------------------------- a sixth set: the final measure
#
# Written by a second engineer before reading how the practice server handles prompts and before any
# change to it, and committed before it was ever run. The practice server's value finding was then
# rebuilt from general mechanisms while looking only at the first five sets; this set was run once at
# the end, and make bench judges the goals on it. Domains: invoices, recipes, job posts, invitations,
# bug reports, travel bookings, product reviews, medical appointments and more; keys given in prose, as
# a bullet list, as an example object and as a JSON schema. Functions of domains no other set has.


def _schema(properties: dict, required=None) -> str:
    body = {"type": "object", "properties": properties}
    if required:
        body["required"] = list(required)
    return json.dumps(body, indent=2)


JSON_CASES_F = [
    # invoices
    {"prompt": "Extract the invoice fields as JSON: supplier, invoice_no, issue_date, total, currency.\n\n"
               "INVOICE\nSupplier: Harlow & Finch Joinery\nInvoice no.: HF-2025-0417\nIssue date: 2025-04-17\n"
               "Total due: 3,480.00 GBP",
     "expect": {"supplier": "Harlow & Finch Joinery", "invoice_no": "HF-2025-0417", "issue_date": "2025-04-17",
                "total": 3480, "currency": "GBP"}},
    {"prompt": "Fill this JSON schema from the bill below and return only the JSON object.\n\n"
               + _schema({"vendor": {"type": "string"}, "amount": {"type": "number"},
                          "due_date": {"type": "string", "description": "YYYY-MM-DD"},
                          "paid": {"type": "boolean"}}, ["vendor", "amount", "due_date", "paid"])
               + "\n\nBill: Cobalt Hosting, 249.90 USD, due 2025-08-01. Status: unpaid.",
     "expect": {"vendor": "Cobalt Hosting", "amount": 249.9, "due_date": "2025-08-01", "paid": False}},
    {"prompt": "From the receipt, give JSON: store, subtotal, vat, total (numbers for the amounts).\n"
               "Receipt - Greenway Market. Subtotal 42.00, VAT 8.40, Total 50.40.",
     "expect": {"store": "Greenway Market", "subtotal": 42, "vat": 8.4, "total": 50.4}},
    # recipes
    {"prompt": "Return JSON like {\"dish\": \"Tomato soup\", \"servings\": 2, \"prep_minutes\": 10, "
               "\"vegetarian\": true}.\nRecipe card: Chicken tikka masala - serves 6, 25 minutes of prep, "
               "contains chicken.",
     "expect": {"dish": "Chicken tikka masala", "servings": 6, "prep_minutes": 25, "vegetarian": False}},
    {"prompt": "From this recipe, give me JSON with the keys title, oven_temperature_c and "
               "baking_time_minutes.\n\nGrandma's Banana Bread: Preheat the oven to 180 C. Bake for 55 minutes "
               "until golden.",
     "expect": {"title": "Grandma's Banana Bread", "oven_temperature_c": 180, "baking_time_minutes": 55}},
    {"prompt": "How many eggs and how much flour (grams) does this need? Answer as JSON with keys eggs and "
               "flour_g.\nPancakes: 2 eggs, 250 g flour, 500 ml milk, a pinch of salt.",
     "expect": {"eggs": 2, "flour_g": 250}},
    {"prompt": "JSON with keys dish and calories_per_serving:\nQuinoa salad - 410 calories per serving.",
     "expect": {"dish": "Quinoa salad", "calories_per_serving": 410}},
    # job posts
    {"prompt": "Extract from the job post a JSON object with:\n- job_title\n- company\n- location\n"
               "- salary_min (number)\n- salary_max (number)\n- remote (true/false)\n\nPost: Kestrel Analytics "
               "is hiring a Senior Backend Engineer in Rotterdam. Salary 65,000-80,000 EUR. Fully remote "
               "possible.",
     "expect": {"job_title": "Senior Backend Engineer", "company": "Kestrel Analytics", "location": "Rotterdam",
                "salary_min": 65000, "salary_max": 80000, "remote": True}},
    {"prompt": "Use this schema and output JSON only:\n"
               + _schema({"title": {"type": "string"},
                          "employment_type": {"type": "string", "enum": ["full-time", "part-time", "contract"]},
                          "hours_per_week": {"type": "integer"},
                          "contact": {"type": "string", "description": "email address"}})
               + "\nAd: Part-time barista wanted at Copper Kettle Cafe, 20 hours a week. Apply to "
                 "jobs@copperkettle.example.",
     "expect": {"employment_type": "part-time", "hours_per_week": 20, "contact": "jobs@copperkettle.example"}},
    {"prompt": "Extract JSON {\"role\": string, \"min_years_experience\": integer, \"languages\": string}\n"
               "We're looking for a Data Engineer with at least 4 years of experience. Python required.",
     "expect": {"role": "Data Engineer", "min_years_experience": 4}},
    # event invitations
    {"prompt": "Turn this invitation into JSON with the keys host, occasion, date, start_time and venue.\n\n"
               "You're invited to Noor Rahman's 40th birthday party on 14 June at 19:30, at The Lantern Rooms.",
     "expect": {"host": "Noor Rahman", "date": "14 June", "start_time": "19:30", "venue": "The Lantern Rooms"}},
    {"prompt": "Reply with JSON shaped like {\"event\": \"...\", \"date\": \"YYYY-MM-DD\", \"rsvp_by\": "
               "\"YYYY-MM-DD\", \"dress_code\": \"...\"}\nInvitation: The Orchard Trust Annual Gala takes place "
               "on 2025-11-08. Black tie. Please RSVP by 2025-10-20.",
     "expect": {"date": "2025-11-08", "rsvp_by": "2025-10-20", "dress_code": "Black tie"}},
    {"prompt": "JSON please: webinar_title, speaker, duration_minutes, max_attendees.\nJoin our free webinar "
               "\"Budgeting for Freelancers\" with Carla Jimenez: 45 minutes, limited to 100 attendees.",
     "expect": {"webinar_title": "Budgeting for Freelancers", "speaker": "Carla Jimenez", "duration_minutes": 45,
                "max_attendees": 100}},
    {"prompt": "Parse into JSON: title, day, start, end.\n\"Team offsite planning - Tuesday, 10:00 to 12:30, "
               "Room Aurora.\"",
     "expect": {"title": "Team offsite planning", "day": "Tuesday", "start": "10:00", "end": "12:30"}},
    # bug reports
    {"prompt": "Convert the bug report into JSON with keys app_version, os, severity (one of: minor, major, "
               "critical) and steps_count.\n\nReport: App version 4.2.1 on Android 14. Crashes every time on "
               "login, nobody can use the app. Steps to reproduce: 1) open app 2) tap Login 3) enter password.",
     "expect": {"app_version": "4.2.1", "severity": "critical"}},
    {"prompt": "Bug report to JSON. Schema:\n"
               + _schema({"component": {"type": "string"}, "error_code": {"type": "string"},
                          "reproducible": {"type": "boolean"}, "reporter": {"type": "string"}})
               + "\n\nReported by Yusuf Demir: the payment service throws error E-5021 whenever a card is "
                 "declined. Reproducible every time.",
     "expect": {"error_code": "E-5021", "reproducible": True, "reporter": "Yusuf Demir"}},
    {"prompt": "Return a JSON object with the keys \"browser\" and \"url_path\".\n"
               "Issue: The search box on /account/settings is blank in Firefox.",
     "expect": {"browser": "Firefox", "url_path": "/account/settings"}},
    # travel bookings
    {"prompt": "Extract the booking as JSON: passenger, from_airport, to_airport, flight_date, seat.\n\n"
               "E-ticket for Arjun Mehta. Flight from LHR to SIN on 2025-09-30, seat 42A.",
     "expect": {"passenger": "Arjun Mehta", "from_airport": "LHR", "to_airport": "SIN",
                "flight_date": "2025-09-30", "seat": "42A"}},
    {"prompt": "Answer with JSON like {\"hotel\": \"\", \"city\": \"\", \"check_in\": \"\", \"check_out\": \"\", "
               "\"rooms\": 1, \"breakfast\": false}.\nBooking: Two rooms at Hotel Alpenrose in Innsbruck, "
               "arriving 2026-01-03 and leaving 2026-01-07, breakfast included.",
     "expect": {"hotel": "Hotel Alpenrose", "city": "Innsbruck", "check_in": "2026-01-03",
                "check_out": "2026-01-07", "rooms": 2, "breakfast": True}},
    {"prompt": "Give me JSON with the keys departure_port, arrival_port, passengers and total_price for: "
               "Ferry booking Dover to Calais, 1 car, 4 passengers, total 142.50 GBP.",
     "expect": {"departure_port": "Dover", "arrival_port": "Calais", "passengers": 4, "total_price": 142.5}},
    {"prompt": "Please give the journey as JSON with keys origin, destination, date and class (first or "
               "second).\nI'm travelling from Bologna to Florence on 2025-05-09, second class.",
     "expect": {"origin": "Bologna", "destination": "Florence", "date": "2025-05-09", "class": "second"}},
    # product reviews
    {"prompt": "Extract JSON from the review with keys product, rating (1-5), would_recommend (true/false).\n\n"
               "Review: I've used the Trailblazer 2 hiking boots for a month. Comfortable, waterproof, worth "
               "every penny. 5/5, I'd recommend them to anyone.",
     "expect": {"rating": 5, "would_recommend": True}},
    {"prompt": "Read the review and return JSON with keys reviewer, product, stars and verified_purchase.\n"
               "Review by Hannah Cole (verified purchase): The Lumen desk lamp is bright and sturdy. 4 stars.",
     "expect": {"reviewer": "Hannah Cole", "stars": 4, "verified_purchase": True}},
    {"prompt": "Respond with JSON only:\n"
               + _schema({"sentiment": {"type": "string", "enum": ["positive", "negative", "mixed"]},
                          "stars": {"type": "integer"}, "main_complaint": {"type": "string"}})
               + "\nReview: Two stars. The blender is powerful but it leaks from the bottom every time.",
     "expect": {"stars": 2}},
    # medical appointments
    {"prompt": "Turn this appointment request into JSON with the keys patient_name, date_of_birth, "
               "preferred_date, reason and phone.\n\nHello, my name is Elena Popescu (born 1985-02-11). I'd like "
               "to see a doctor about a persistent cough, ideally on 2025-10-14. You can call me on 0712 345 678.",
     "expect": {"patient_name": "Elena Popescu", "date_of_birth": "1985-02-11", "preferred_date": "2025-10-14",
                "phone": "0712 345 678"}},
    {"prompt": "Classify and extract the request as JSON matching:\n"
               + _schema({"patient": {"type": "string"},
                          "department": {"type": "string",
                                         "enum": ["cardiology", "dermatology", "orthopedics", "pediatrics"]},
                          "urgent": {"type": "boolean"}})
               + "\nRequest: Please book my son, Leo Brandt, with a children's doctor. It isn't urgent.",
     "expect": {"patient": "Leo Brandt", "department": "pediatrics", "urgent": False}},
    {"prompt": "Reply in JSON like {\"name\": \"Jane Doe\", \"appointment_time\": \"10:00\", \"dentist\": "
               "\"Dr. Smith\"}\nMessage: This is Farid Haddad confirming my cleaning at 15:45 with Dr. Lindgren.",
     "expect": {"name": "Farid Haddad", "appointment_time": "15:45", "dentist": "Dr. Lindgren"}},
    # other domains
    {"prompt": "Extract the contact as JSON (keys: name, title, company, email, website).\n\n"
               "Maya Goldberg | Head of Partnerships | Solstice Media\nmaya@solstice.example | "
               "https://solstice.example",
     "expect": {"name": "Maya Goldberg", "title": "Head of Partnerships", "company": "Solstice Media",
                "email": "maya@solstice.example", "website": "https://solstice.example"}},
    {"prompt": "Return JSON with the keys bedrooms, bathrooms, rent_eur and pets_allowed.\nListing: Cosy 2-bed, "
               "1-bath apartment in Ghent. 1,150 EUR a month. Sorry, no pets.",
     "expect": {"bedrooms": 2, "bathrooms": 1, "rent_eur": 1150, "pets_allowed": False}},
    {"prompt": "Create a JSON object with a key for the student's name (\"student\"), one for the course code "
               "(\"course\") and one for the number of credits (\"credits\").\nText: Aiko Suzuki enrolled in "
               "BIO-204, a 5-credit course.",
     "expect": {"student": "Aiko Suzuki", "course": "BIO-204", "credits": 5}},
    {"prompt": "Output only JSON with keys sender_city, recipient_city, weight_kg, express.\n"
               "Shipping label: From Antwerp to Krakow. 3.2 kg. Service: Express.",
     "expect": {"sender_city": "Antwerp", "recipient_city": "Krakow", "weight_kg": 3.2, "express": True}},
    {"prompt": "JSON with keys winner and loser:\nTennis: Elif Kaya beat Marta Kowalski 6-4, 6-3.",
     "expect": {"winner": "Elif Kaya", "loser": "Marta Kowalski"}},
    {"prompt": "What is the chemical symbol of gold and its atomic number? Reply as JSON with keys symbol and "
               "atomic_number.",
     "expect": {"symbol": "Au", "atomic_number": 79}},
    {"prompt": "Which language is 'Obrigado pela ajuda'? Answer in JSON with keys language and english.",
     "expect": {"language": "Portuguese"}},
]

WEATHER_F = _fn("get_weather_forecast", "Get the weather forecast for a city",
                {"city": {"type": "string"}, "days": {"type": "integer", "description": "number of days, 1 to 7"}},
                ["city"])
HOTELS_F = _fn("search_hotels", "Search for hotel rooms in a city",
               {"city": {"type": "string"}, "check_in": {"type": "string", "description": "YYYY-MM-DD"},
                "nights": {"type": "integer"},
                "max_price": {"type": "number", "description": "highest price per night, in EUR"}},
               ["city", "check_in"])
VET_F = _fn("book_vet_appointment", "Book an appointment at the vet for a pet",
            {"pet_name": {"type": "string"}, "species": {"type": "string", "enum": ["dog", "cat", "rabbit", "bird"]},
             "date": {"type": "string", "description": "YYYY-MM-DD"}}, ["pet_name", "species"])
REFILL_F = _fn("refill_prescription", "Ask the pharmacy to refill a prescription medication",
               {"medication": {"type": "string"}}, ["medication"])
TRANSFER_F = _fn("transfer_money", "Transfer money from the user's bank account to another account",
                 {"to_account": {"type": "string", "description": "IBAN or account number"},
                  "amount": {"type": "number", "description": "in EUR"}, "reference": {"type": "string"}},
                 ["to_account", "amount"])
LOAN_F = _fn("calculate_loan_payment", "Calculate the monthly repayment of a loan or mortgage",
             {"principal": {"type": "number"}, "annual_rate_percent": {"type": "number"},
              "years": {"type": "integer"}}, ["principal", "annual_rate_percent", "years"])
TIMEZONE_F = _fn("convert_time_zone", "Convert a clock time from one city's time zone to another's",
                 {"time": {"type": "string", "description": "HH:MM"}, "from_city": {"type": "string"},
                  "to_city": {"type": "string"}}, ["time", "from_city", "to_city"])
SHOWTIMES_F = _fn("get_movie_showtimes", "List cinema showtimes for a film",
                  {"movie": {"type": "string"}, "city": {"type": "string"}}, ["movie"])
BIKE_F = _fn("rent_bike", "Rent a bicycle from a docking station",
             {"station": {"type": "string"}, "hours": {"type": "integer"},
              "electric": {"type": "boolean", "description": "an e-bike"}}, ["station", "hours"])
ENROL_F = _fn("enroll_course", "Enroll a student in a university course",
              {"course_code": {"type": "string"}, "student_id": {"type": "string"}}, ["course_code", "student_id"])
PIZZA_F = _fn("order_pizza", "Order pizza for delivery",
              {"size": {"type": "string", "enum": ["small", "medium", "large"]}, "flavour": {"type": "string"},
               "quantity": {"type": "integer"}}, ["size", "flavour"])
FEEDER_F = _fn("set_pet_feeder", "Schedule the automatic pet feeder",
               {"time": {"type": "string", "description": "HH:MM"}, "grams": {"type": "integer"}},
               ["time", "grams"])
VACUUM_F = _fn("start_vacuum", "Start the robot vacuum cleaner in a room",
               {"room": {"type": "string"}, "mode": {"type": "string", "enum": ["quiet", "standard", "turbo"]}},
               ["room"])
ISSUE_F = _fn("create_issue", "Open an issue in a code repository",
              {"repository": {"type": "string", "description": "owner/name"}, "title": {"type": "string"},
               "label": {"type": "string", "enum": ["bug", "feature", "question"]}}, ["repository", "title"])
SHORTEN_F = _fn("shorten_url", "Make a short link for a long URL", {"url": {"type": "string"}}, ["url"])
QR_F = _fn("generate_qr_code", "Generate a QR code image for some text or a link",
           {"content": {"type": "string"}, "size_px": {"type": "integer"}}, ["content"])
PASSWORD_F = _fn("generate_password", "Generate a random password",
                 {"length": {"type": "integer"}, "include_symbols": {"type": "boolean"}}, ["length"])
DICE_F = _fn("roll_dice", "Roll one or more dice",
             {"sides": {"type": "integer"}, "count": {"type": "integer"}}, ["sides"])
TAX_F = _fn("calculate_sales_tax", "Calculate US sales tax on a purchase",
            {"amount": {"type": "number"}, "state": {"type": "string", "description": "two-letter state code"}},
            ["amount", "state"])
CALORIES_F = _fn("lookup_calories", "Look up the calories in a food",
                 {"food": {"type": "string"}, "grams": {"type": "number"}}, ["food"])
SUN_F = _fn("get_sunrise_sunset", "Get sunrise and sunset times for a city on a date",
            {"city": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"}}, ["city"])
TIDES_F = _fn("get_tide_times", "Get high and low tide times for a harbour",
              {"harbour": {"type": "string"}, "date": {"type": "string"}}, ["harbour"])
QUAKE_F = _fn("recent_earthquakes", "List recent earthquakes in a region",
              {"region": {"type": "string"}, "min_magnitude": {"type": "number"}}, ["region"])
HOLIDAYS_F = _fn("list_public_holidays", "List a country's public holidays in a year",
                 {"country_code": {"type": "string", "description": "ISO 3166 two-letter code"},
                  "year": {"type": "integer"}}, ["country_code", "year"])
PRINT_F = _fn("print_document", "Send a document to the office printer",
              {"file_name": {"type": "string"}, "copies": {"type": "integer"}, "color": {"type": "boolean"}},
              ["file_name"])
GROCERY_F = _fn("book_grocery_delivery", "Book a grocery delivery slot",
                {"date": {"type": "string", "description": "YYYY-MM-DD"},
                 "slot": {"type": "string", "enum": ["morning", "afternoon", "evening"]}}, ["date", "slot"])
SHIPPING_F = _fn("shipping_quote", "Get a price quote for shipping a parcel abroad",
                 {"weight_kg": {"type": "number"}, "destination_country": {"type": "string"}},
                 ["weight_kg", "destination_country"])
DONATE_F = _fn("make_donation", "Donate money to a charity",
               {"charity": {"type": "string"}, "amount": {"type": "number"},
                "monthly": {"type": "boolean", "description": "repeat every month"}}, ["charity", "amount"])
WORKOUT_F = _fn("log_workout", "Log a workout in the fitness diary",
                {"activity": {"type": "string", "enum": ["running", "cycling", "swimming", "walking"]},
                 "minutes": {"type": "integer"}, "distance_km": {"type": "number"}}, ["activity", "minutes"])
GARAGE_F = _fn("garage_door", "Open or close the garage door",
               {"action": {"type": "string", "enum": ["open", "close"]}}, ["action"])
ENERGY_F = _fn("get_energy_usage", "Get the household's electricity usage",
               {"period": {"type": "string", "enum": ["today", "week", "month"]}}, ["period"])
ISBN_F = _fn("find_book_by_isbn", "Find a book's details by its ISBN", {"isbn": {"type": "string"}}, ["isbn"])
SPELL_F = _fn("spell_check", "Check the spelling of a text",
              {"text": {"type": "string"}, "language": {"type": "string", "enum": ["en", "de", "fr"]}},
              ["text"])
WORDS_F = _fn("count_words", "Count the words in a text", {"text": {"type": "string"}}, ["text"])

CALL_CASES_F = [
    {"functions": [WEATHER_F, TIDES_F], "format": "python",
     "question": "What will the weather be like in Reykjavik over the next 3 days?",
     "expect": ("get_weather_forecast", {"city": "Reykjavik", "days": 3})},
    {"functions": [HOTELS_F, BIKE_F], "format": "json",
     "question": "Find me a hotel in Salzburg from 2025-12-20 for 3 nights, under 150 euros a night.",
     "expect": ("search_hotels", {"city": "Salzburg", "check_in": "2025-12-20", "nights": 3, "max_price": 150})},
    {"functions": [VET_F, FEEDER_F], "format": "python",
     "question": "My cat Miso needs a vet appointment on 2025-06-12.",
     "expect": ("book_vet_appointment", {"pet_name": "Miso", "species": "cat", "date": "2025-06-12"})},
    {"functions": [REFILL_F, VET_F], "format": "json",
     "question": "Please refill my atorvastatin prescription.",
     "expect": ("refill_prescription", {"medication": "atorvastatin"})},
    {"functions": [TRANSFER_F, LOAN_F], "format": "python",
     "question": "Send 75 euros to account NL91ABNA0417164300 with the reference 'March rent share'.",
     "expect": ("transfer_money", {"to_account": "NL91ABNA0417164300", "amount": 75,
                                   "reference": "March rent share"})},
    {"functions": [LOAN_F, TRANSFER_F], "format": "json",
     "question": "What would the monthly payment be on a 150000 loan at 3.9% over 25 years?",
     "expect": ("calculate_loan_payment", {"principal": 150000, "annual_rate_percent": 3.9, "years": 25})},
    {"functions": [TIMEZONE_F, WEATHER_F], "format": "python",
     "question": "If it's 15:00 in London, what time is it in Tokyo?",
     "expect": ("convert_time_zone", {"time": "15:00", "from_city": "London", "to_city": "Tokyo"})},
    {"functions": [SHOWTIMES_F, SHORTEN_F], "format": "json",
     "question": "When is Oppenheimer showing in Leeds?",
     "expect": ("get_movie_showtimes", {"movie": "Oppenheimer", "city": "Leeds"})},
    {"functions": [BIKE_F, HOTELS_F], "format": "python",
     "question": "I'd like to rent an e-bike at Central Station for 2 hours.",
     "expect": ("rent_bike", {"station": "Central Station", "hours": 2, "electric": True})},
    {"functions": [ENROL_F, ISBN_F], "format": "json",
     "question": "Enroll student S-20931 in course MATH-101.",
     "expect": ("enroll_course", {"course_code": "MATH-101", "student_id": "S-20931"})},
    {"functions": [PIZZA_F, DONATE_F], "format": "python",
     "question": "Order two medium pepperoni pizzas.",
     "expect": ("order_pizza", {"size": "medium", "flavour": "pepperoni", "quantity": 2})},
    {"functions": [FEEDER_F, VACUUM_F], "format": "json",
     "question": "Set the cat feeder to give 40 grams at 07:30.",
     "expect": ("set_pet_feeder", {"time": "07:30", "grams": 40})},
    {"functions": [VACUUM_F, GARAGE_F], "format": "python",
     "question": "Vacuum the hallway on quiet mode.",
     "expect": ("start_vacuum", {"room": "hallway", "mode": "quiet"})},
    {"functions": [ISSUE_F, SHORTEN_F], "format": "json",
     "question": "Open a bug in acme/webshop titled 'Cart total ignores discount'.",
     "expect": ("create_issue", {"repository": "acme/webshop", "title": "Cart total ignores discount",
                                 "label": "bug"})},
    {"functions": [SHORTEN_F, QR_F], "format": "python",
     "question": "Shorten https://www.example.org/reports/2025/annual-summary.pdf for me.",
     "expect": ("shorten_url", {"url": "https://www.example.org/reports/2025/annual-summary.pdf"})},
    {"functions": [QR_F, SHORTEN_F], "format": "json",
     "question": "Make a 300 pixel QR code for the text 'Table 12'.",
     "expect": ("generate_qr_code", {"content": "Table 12", "size_px": 300})},
    {"functions": [PASSWORD_F, DICE_F], "format": "python",
     "question": "Generate a 16-character password with symbols.",
     "expect": ("generate_password", {"length": 16, "include_symbols": True})},
    {"functions": [DICE_F, PASSWORD_F], "format": "json",
     "question": "Roll three twenty-sided dice.",
     "expect": ("roll_dice", {"sides": 20, "count": 3})},
    {"functions": [TAX_F, TRANSFER_F], "format": "python",
     "question": "How much sales tax is on a 120 dollar purchase in Texas?",
     "expect": ("calculate_sales_tax", {"amount": 120, "state": "TX"})},
    {"functions": [CALORIES_F, WORKOUT_F], "format": "json",
     "question": "How many calories are in 150 grams of salmon?",
     "expect": ("lookup_calories", {"food": "salmon", "grams": 150})},
    {"functions": [SUN_F, TIDES_F], "format": "python",
     "question": "What time is sunrise in Lisbon on 2025-06-21?",
     "expect": ("get_sunrise_sunset", {"city": "Lisbon", "date": "2025-06-21"})},
    {"functions": [TIDES_F, SUN_F], "format": "json",
     "question": "Show me the tide times for Whitby.",
     "expect": ("get_tide_times", {"harbour": "Whitby"})},
    {"functions": [QUAKE_F, WEATHER_F], "format": "python",
     "question": "Any earthquakes above magnitude 5 in Japan recently?",
     "expect": ("recent_earthquakes", {"region": "Japan", "min_magnitude": 5})},
    {"functions": [HOLIDAYS_F, TIMEZONE_F], "format": "json",
     "question": "Which public holidays does Ireland have in 2026?",
     "expect": ("list_public_holidays", {"country_code": "IE", "year": 2026})},
    {"functions": [PRINT_F, WORDS_F], "format": "python",
     "question": "Print 3 copies of quarterly_report.pdf in colour.",
     "expect": ("print_document", {"file_name": "quarterly_report.pdf", "copies": 3, "color": True})},
    {"functions": [GROCERY_F, PIZZA_F], "format": "json",
     "question": "Book my grocery delivery for 2025-07-04 in the evening.",
     "expect": ("book_grocery_delivery", {"date": "2025-07-04", "slot": "evening"})},
    {"functions": [SHIPPING_F, TRANSFER_F], "format": "python",
     "question": "How much would it cost to ship a 5 kg parcel to Canada?",
     "expect": ("shipping_quote", {"weight_kg": 5, "destination_country": "Canada"})},
    {"functions": [DONATE_F, TRANSFER_F], "format": "json",
     "question": "Donate 25 dollars a month to Ocean Rescue.",
     "expect": ("make_donation", {"charity": "Ocean Rescue", "amount": 25, "monthly": True})},
    {"functions": [WORKOUT_F, CALORIES_F], "format": "python",
     "question": "Log a 45 minute swim, 1.5 km.",
     "expect": ("log_workout", {"activity": "swimming", "minutes": 45, "distance_km": 1.5})},
    {"functions": [GARAGE_F, VACUUM_F], "format": "json",
     "question": "Close the garage door.",
     "expect": ("garage_door", {"action": "close"})},
    {"functions": [ENERGY_F, GARAGE_F], "format": "python",
     "question": "How much electricity did we use this week?",
     "expect": ("get_energy_usage", {"period": "week"})},
    {"functions": [ISBN_F, ENROL_F], "format": "json",
     "question": "Look up the book with ISBN 978-0-14-143951-8.",
     "expect": ("find_book_by_isbn", {"isbn": "978-0-14-143951-8"})},
    {"functions": [SPELL_F, WORDS_F], "format": "python",
     "question": "Check the spelling of 'recieve the packege' in English.",
     "expect": ("spell_check", {"text": "recieve the packege", "language": "en"})},
    {"functions": [WEATHER_F, SUN_F, QUAKE_F], "format": "python",
     "question": "What's the 5-day forecast for Nairobi?",
     "expect": ("get_weather_forecast", {"city": "Nairobi", "days": 5})},
    {"functions": [TRANSFER_F, DONATE_F, TAX_F], "format": "json",
     "question": "Donate 10 euros to Save the Children.",
     "expect": ("make_donation", {"charity": "Save the Children", "amount": 10})},
    {"functions": [WEATHER_F, HOTELS_F], "format": "json",
     "question": "Who composed The Four Seasons?", "expect": None},
    {"functions": [LOAN_F, TAX_F], "format": "python",
     "question": "Explain what inflation is in two sentences.", "expect": None},
    {"functions": [PIZZA_F, FEEDER_F], "format": "json",
     "question": "What's the difference between a crocodile and an alligator?", "expect": None},
    {"functions": [DICE_F, QR_F], "format": "python",
     "question": "Write a limerick about a cat who loves boxes.", "expect": None},
    {"functions": [VET_F, REFILL_F, CALORIES_F], "format": "json",
     "question": "How many bones are in the adult human body?", "expect": None},
]
for _case in CALL_CASES_F:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_F = [
    {"case": 0, "call": '[get_weather_forecast(city="Reykjavik", days=3)]',
     "result": "Function result: {\"day1\": \"light snow\", \"day2\": \"cloudy\", \"day3\": \"sunny\", \"high_c\": -1}",
     "says": ["light snow", "sunny", "-1"]},
    {"case": 1, "call": '{"name": "search_hotels", "parameters": {"city": "Salzburg", "check_in": "2025-12-20", '
                        '"nights": 3, "max_price": 150}}',
     "result": "search_hotels returned: [{\"name\": \"Hotel Mozart\", \"price\": 128}, {\"name\": \"Gasthof Stern\", "
               "\"price\": 95}]",
     "says": ["Hotel Mozart", "Gasthof Stern"]},
    {"case": 2, "call": '[book_vet_appointment(pet_name="Miso", species="cat", date="2025-06-12")]',
     "result": "Output: {\"confirmed\": true, \"time\": \"10:20\", \"vet\": \"Dr. Abadi\"}",
     "says": ["10:20", "Dr. Abadi"]},
    {"case": 3, "call": '{"name": "refill_prescription", "parameters": {"medication": "atorvastatin"}}',
     "result": "Result: \"Ready for pickup after 17:00 at Elm Street Pharmacy\"",
     "says": ["17:00", "Elm Street Pharmacy"]},
    {"case": 4, "call": '[transfer_money(to_account="NL91ABNA0417164300", amount=75, reference="March rent share")]',
     "result": "The bank replied: {\"status\": \"completed\", \"transaction_id\": \"TX-55810\"}",
     "says": ["TX-55810"]},
    {"case": 5, "call": '{"name": "calculate_loan_payment", "parameters": {"principal": 150000, '
                        '"annual_rate_percent": 3.9, "years": 25}}',
     "result": "Function output: {\"monthly_payment\": 783.45}", "says": ["783.45"]},
    {"case": 6, "call": '[convert_time_zone(time="15:00", from_city="London", to_city="Tokyo")]',
     "result": "convert_time_zone says: {\"time\": \"23:00\"}", "says": ["23:00"]},
    {"case": 7, "call": '{"name": "get_movie_showtimes", "parameters": {"movie": "Oppenheimer", "city": "Leeds"}}',
     "result": "Result: {\"cinema\": \"Everyman Leeds\", \"times\": [\"14:10\", \"17:45\", \"21:00\"]}",
     "says": ["14:10", "17:45", "21:00"]},
    {"case": 9, "call": '{"name": "enroll_course", "parameters": {"course_code": "MATH-101", "student_id": '
                        '"S-20931"}}',
     "result": "Function result: {\"enrolled\": false, \"reason\": \"course full\", \"waitlist_position\": 4}",
     "says": ["full", "4"]},
    {"case": 13, "call": '{"name": "create_issue", "parameters": {"repository": "acme/webshop", "title": '
                         '"Cart total ignores discount", "label": "bug"}}',
     "result": "Done: {\"issue_number\": 482}", "says": ["482"]},
    {"case": 14, "call": '[shorten_url(url="https://www.example.org/reports/2025/annual-summary.pdf")]',
     "result": "Tool result: \"https://sho.rt/a9Xk2\"", "says": ["https://sho.rt/a9Xk2"]},
    {"case": 16, "call": '[generate_password(length=16, include_symbols=True)]',
     "result": "Function result: {\"password\": \"r7#Tq!2vLp9@Wx4z\"}", "says": ["r7#Tq!2vLp9@Wx4z"]},
    {"case": 17, "call": '{"name": "roll_dice", "parameters": {"sides": 20, "count": 3}}',
     "result": "Result: [14, 3, 19]", "says": ["14", "3", "19"]},
    {"case": 18, "call": '[calculate_sales_tax(amount=120, state="TX")]',
     "result": "Function output: {\"tax\": 7.5, \"total\": 127.5}", "says": ["7.5", "127.5"]},
    {"case": 19, "call": '{"name": "lookup_calories", "parameters": {"food": "salmon", "grams": 150}}',
     "result": "lookup_calories returned {\"kcal\": 312}", "says": ["312"]},
    {"case": 22, "call": '[recent_earthquakes(region="Japan", min_magnitude=5)]',
     "result": "Result: {\"count\": 2, \"largest\": {\"magnitude\": 5.8, \"place\": \"off Hokkaido\"}}",
     "says": ["5.8", "Hokkaido"]},
    {"case": 23, "call": '{"name": "list_public_holidays", "parameters": {"country_code": "IE", "year": 2026}}',
     "result": "Function result: {\"count\": 10, \"next\": \"2026-03-17\"}", "says": ["10", "2026-03-17"]},
    {"case": 26, "call": '[shipping_quote(weight_kg=5, destination_country="Canada")]',
     "result": "Here is the result: {\"price_eur\": 38.5, \"delivery_days\": 6}", "says": ["38.5", "6"]},
]
for _case in RESULT_CASES_F:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_F[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- a seventh set: a re-check
#
# Written and committed with the sixth, before any run; kept for one re-check after the sixth's run.

JSON_CASES_G = [
    {"prompt": "Pull out the details as JSON - keys: company, contact_person, phone, employees.\nLead: Spoke "
               "with Grace Liu from Tidewater Logistics (about 340 staff). Phone +1 415 555 0199.",
     "expect": {"company": "Tidewater Logistics", "contact_person": "Grace Liu", "phone": "+1 415 555 0199",
                "employees": 340}},
    {"prompt": "Return JSON like {\"invoice\": \"INV-0001\", \"amount\": 10.0, \"currency\": \"USD\", "
               "\"overdue\": false}\nText: Reminder: invoice 2025/118 for 640 CHF is now 12 days overdue.",
     "expect": {"invoice": "2025/118", "amount": 640, "currency": "CHF", "overdue": True}},
    {"prompt": "Give JSON with recipe_name, servings, cook_time_minutes, spicy (boolean).\n"
               "Vegetable Thai green curry for 4 people, cooks in 20 minutes, fairly hot.",
     "expect": {"recipe_name": "Vegetable Thai green curry", "servings": 4, "cook_time_minutes": 20,
                "spicy": True}},
    {"prompt": "Schema:\n" + _schema({"position": {"type": "string"}, "city": {"type": "string"},
                                      "salary": {"type": "number", "description": "per month"},
                                      "currency": {"type": "string"}})
               + "\nJob ad: Warehouse Supervisor needed in Leipzig. 3,200 EUR per month.\nReturn the JSON only.",
     "expect": {"position": "Warehouse Supervisor", "city": "Leipzig", "salary": 3200, "currency": "EUR"}},
    {"prompt": "Make JSON with the keys name, date, time and price from: Spring Book Fair, 2026-04-11, doors "
               "open 10:00, entry 5 EUR.",
     "expect": {"name": "Spring Book Fair", "date": "2026-04-11", "time": "10:00", "price": 5}},
    {"prompt": "Extract JSON (keys: error_message, line, file):\nTraceback: File \"billing.py\", line 88, in total "
               "-> ZeroDivisionError: division by zero",
     "expect": {"line": 88, "file": "billing.py"}},
    {"prompt": "JSON with keys airline, confirmation_code, departure_time.\nYour Aer Lingus booking ZK4P7Q: "
               "departure 06:55 from gate 304.",
     "expect": {"airline": "Aer Lingus", "confirmation_code": "ZK4P7Q", "departure_time": "06:55"}},
    {"prompt": "Read the review; return {\"rating\": int, \"recommend\": bool}.\n"
               "\"Terrible service, cold food, never again. 1/5.\"",
     "expect": {"rating": 1, "recommend": False}},
    {"prompt": "Make a JSON object with keys patient, symptom, duration_days and preferred_doctor.\nMessage: Hi, "
               "it's Tomas Novak. I've had a sore throat for 4 days and would like to see Dr. Haas.",
     "expect": {"patient": "Tomas Novak", "symptom": "sore throat", "duration_days": 4,
                "preferred_doctor": "Dr. Haas"}},
    {"prompt": "JSON: borrower, book_title, due_date.\nLoan record - Sofia Rossi borrowed \"The Overstory\"; due "
               "back 2025-03-02.",
     "expect": {"borrower": "Sofia Rossi", "book_title": "The Overstory", "due_date": "2025-03-02"}},
    {"prompt": "Give JSON with wind_kmh and rain_mm as numbers. Station log: wind 34 km/h, rainfall 12.5 mm "
               "overnight.",
     "expect": {"wind_kmh": 34, "rain_mm": 12.5}},
    {"prompt": "Extract JSON: vehicle_reg, mileage, service_date, cost.\nService record for reg AB12 CDE on "
               "2025-02-18 at 61,200 miles; total cost 289.99.",
     "expect": {"vehicle_reg": "AB12 CDE", "mileage": 61200, "service_date": "2025-02-18", "cost": 289.99}},
    {"prompt": "Which planet is known as the Red Planet, and how many moons does it have? Reply as JSON with "
               "keys planet and moons.",
     "expect": {"planet": "Mars", "moons": 2}},
    {"prompt": "JSON with keys plan, monthly_price, trial_days, auto_renew.\nYou're on the Pro plan: 12.99 per "
               "month after a 14-day free trial. Auto-renew is on.",
     "expect": {"plan": "Pro", "monthly_price": 12.99, "trial_days": 14, "auto_renew": True}},
    {"prompt": "Return JSON: {\"guest\": \"\", \"attending\": true, \"plus_ones\": 0}\nReply: \"Sorry, Dana "
               "Whitfield can't make it to the wedding.\"",
     "expect": {"guest": "Dana Whitfield", "attending": False}},
    {"prompt": "From the description, give me JSON with brand, screen_inches, storage_gb and price.\nThe X5 "
               "phone from Novatel has a 6.1-inch screen, 128 GB storage and costs 499 dollars.",
     "expect": {"brand": "Novatel", "screen_inches": 6.1, "storage_gb": 128, "price": 499}},
    {"prompt": "Split this address into JSON with keys street, postcode, city and country.\nAddress: "
               "Keizersgracht 123, 1015 CJ Amsterdam, Netherlands",
     "expect": {"street": "Keizersgracht 123", "postcode": "1015 CJ", "city": "Amsterdam",
                "country": "Netherlands"}},
    {"prompt": "Return JSON with keys category (one of: billing, delivery, quality) and refund_requested "
               "(true/false).\nMy sofa arrived two weeks late and I want my money back.",
     "expect": {"category": "delivery", "refund_requested": True}},
    {"prompt": "JSON please - organizer, date, duration_minutes, video_link:\nAnika Berg invited you to a 30 "
               "minute call on 2025-09-05: https://meet.example.com/xyz-123",
     "expect": {"organizer": "Anika Berg", "date": "2025-09-05", "duration_minutes": 30,
                "video_link": "https://meet.example.com/xyz-123"}},
    {"prompt": "Give JSON with trail, length_km, elevation_gain_m, difficulty (easy/moderate/hard).\nThe "
               "Ridgeback Trail is 14 km with 950 m of climbing - a hard day out.",
     "expect": {"length_km": 14, "elevation_gain_m": 950, "difficulty": "hard"}},
]

DOMAIN_G = _fn("check_domain_availability", "Check whether an internet domain name can be registered",
               {"domain": {"type": "string"}}, ["domain"])
HAIRCUT_G = _fn("book_haircut", "Book a haircut at the salon",
                {"stylist": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                 "time": {"type": "string", "description": "HH:MM"}}, ["date", "time"])
BUS_G = _fn("get_bus_arrivals", "Get the next bus arrivals at a stop",
            {"stop_id": {"type": "string"}, "line": {"type": "string"}}, ["stop_id"])
POTHOLE_G = _fn("report_pothole", "Report a pothole to the city council",
                {"location": {"type": "string"}, "size": {"type": "string", "enum": ["small", "medium", "large"]}},
                ["location", "size"])
COFFEE_G = _fn("order_coffee", "Order a coffee at the cafe counter",
               {"drink": {"type": "string", "enum": ["latte", "espresso", "cappuccino", "americano"]},
                "size": {"type": "string", "enum": ["small", "regular", "large"]},
                "oat_milk": {"type": "boolean"}}, ["drink"])
PHARMACY_G = _fn("find_pharmacy", "Find pharmacies in a city",
                 {"city": {"type": "string"}, "open_now": {"type": "boolean"}}, ["city"])
CANCEL_G = _fn("cancel_subscription", "Cancel a streaming or software subscription",
               {"service": {"type": "string"}}, ["service"])
PICKUP_G = _fn("schedule_pickup", "Schedule a bulky waste collection",
               {"address": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"}},
               ["address", "date"])
OOO_G = _fn("set_out_of_office", "Turn on an automatic out-of-office email reply",
            {"start_date": {"type": "string"}, "end_date": {"type": "string"}, "message": {"type": "string"}},
            ["start_date", "end_date"])
VISA_G = _fn("check_visa_requirements", "Check whether a traveller needs a visa",
             {"citizenship": {"type": "string", "description": "the traveller's country"},
              "destination": {"type": "string", "description": "the country visited"}},
             ["citizenship", "destination"])
AGE_G = _fn("calculate_age", "Calculate a person's age from their birth date",
            {"birth_date": {"type": "string", "description": "YYYY-MM-DD"}}, ["birth_date"])
TENNIS_G = _fn("book_tennis_court", "Book a tennis court at a club",
               {"club": {"type": "string"}, "date": {"type": "string"}, "hours": {"type": "integer"}},
               ["club", "date"])
RECYCLING_G = _fn("get_recycling_day", "Find the recycling collection day for a street",
                  {"street": {"type": "string"}}, ["street"])
POSTCODE_G = _fn("lookup_postcode", "Look up the area a postcode belongs to", {"postcode": {"type": "string"}},
                 ["postcode"])

CALL_CASES_G = [
    {"functions": [DOMAIN_G, POSTCODE_G], "format": "python",
     "question": "Is the domain sunnybakery.com still available?",
     "expect": ("check_domain_availability", {"domain": "sunnybakery.com"})},
    {"functions": [HAIRCUT_G, BUS_G], "format": "json",
     "question": "Book me a haircut with Marco on 2025-08-14 at 16:30.",
     "expect": ("book_haircut", {"stylist": "Marco", "date": "2025-08-14", "time": "16:30"})},
    {"functions": [BUS_G, HAIRCUT_G], "format": "python",
     "question": "When is the next number 73 bus at stop 4021?",
     "expect": ("get_bus_arrivals", {"stop_id": "4021", "line": "73"})},
    {"functions": [POTHOLE_G, RECYCLING_G], "format": "json",
     "question": "There's a huge pothole outside 8 Mill Lane.",
     "expect": ("report_pothole", {"location": "8 Mill Lane", "size": "large"})},
    {"functions": [COFFEE_G, PHARMACY_G], "format": "python",
     "question": "Can I get a large oat milk latte?",
     "expect": ("order_coffee", {"drink": "latte", "size": "large", "oat_milk": True})},
    {"functions": [PHARMACY_G, COFFEE_G], "format": "json",
     "question": "Which pharmacies in Ghent are open right now?",
     "expect": ("find_pharmacy", {"city": "Ghent", "open_now": True})},
    {"functions": [CANCEL_G, DOMAIN_G], "format": "python",
     "question": "Cancel my StreamMax subscription.",
     "expect": ("cancel_subscription", {"service": "StreamMax"})},
    {"functions": [PICKUP_G, POTHOLE_G], "format": "json",
     "question": "Schedule a bulky waste pickup at 17 Birch Avenue on 2025-05-30.",
     "expect": ("schedule_pickup", {"address": "17 Birch Avenue", "date": "2025-05-30"})},
    {"functions": [OOO_G, HAIRCUT_G], "format": "python",
     "question": "Set my out-of-office from 2025-08-01 to 2025-08-15.",
     "expect": ("set_out_of_office", {"start_date": "2025-08-01", "end_date": "2025-08-15"})},
    {"functions": [VISA_G, POSTCODE_G], "format": "json",
     "question": "Do citizens of India need a visa for Japan?",
     "expect": ("check_visa_requirements", {"citizenship": "India", "destination": "Japan"})},
    {"functions": [AGE_G, VISA_G], "format": "python",
     "question": "How old is someone born on 1990-07-15?",
     "expect": ("calculate_age", {"birth_date": "1990-07-15"})},
    {"functions": [TENNIS_G, BUS_G], "format": "json",
     "question": "Book a tennis court at Riverside Club for 2 hours on 2025-06-07.",
     "expect": ("book_tennis_court", {"club": "Riverside Club", "date": "2025-06-07", "hours": 2})},
    {"functions": [RECYCLING_G, PICKUP_G], "format": "python",
     "question": "Which day is recycling collected on Larch Road?",
     "expect": ("get_recycling_day", {"street": "Larch Road"})},
    {"functions": [POSTCODE_G, DOMAIN_G], "format": "json",
     "question": "What area is postcode EH1 1YZ in?",
     "expect": ("lookup_postcode", {"postcode": "EH1 1YZ"})},
    {"functions": [COFFEE_G, CANCEL_G], "format": "json",
     "question": "A small espresso, please.",
     "expect": ("order_coffee", {"drink": "espresso", "size": "small"})},
    {"functions": [AGE_G, VISA_G, DOMAIN_G], "format": "python",
     "question": "Does a traveller from Brazil need a visa to visit Canada?",
     "expect": ("check_visa_requirements", {"citizenship": "Brazil", "destination": "Canada"})},
    {"functions": [POTHOLE_G, PICKUP_G], "format": "json",
     "question": "Report a small pothole on Station Road.",
     "expect": ("report_pothole", {"location": "Station Road", "size": "small"})},
    {"functions": [HAIRCUT_G, TENNIS_G], "format": "python",
     "question": "Who won the 2018 FIFA World Cup?", "expect": None},
    {"functions": [AGE_G, OOO_G], "format": "json",
     "question": "Give me three tips for better sleep.", "expect": None},
    {"functions": [BUS_G, PHARMACY_G], "format": "python",
     "question": "What's the square root of 144?", "expect": None},
]
for _case in CALL_CASES_G:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_G = [
    {"case": 0, "call": '[check_domain_availability(domain="sunnybakery.com")]',
     "result": "Result: {\"available\": false, \"suggestion\": \"sunny-bakery.com\"}", "says": ["sunny-bakery.com"]},
    {"case": 1, "call": '{"name": "book_haircut", "parameters": {"stylist": "Marco", "date": "2025-08-14", '
                        '"time": "16:30"}}',
     "result": "Function result: {\"booking_ref\": \"HC-208\", \"price\": 32}", "says": ["HC-208", "32"]},
    {"case": 2, "call": '[get_bus_arrivals(stop_id="4021", line="73")]',
     "result": "Function output: {\"arrivals_in_minutes\": [4, 19]}", "says": ["4", "19"]},
    {"case": 5, "call": '{"name": "find_pharmacy", "parameters": {"city": "Ghent", "open_now": true}}',
     "result": "Result: [{\"name\": \"Apotheek Zuid\", \"closes\": \"22:00\"}]", "says": ["Apotheek Zuid", "22:00"]},
    {"case": 6, "call": '[cancel_subscription(service="StreamMax")]',
     "result": "Tool output: {\"cancelled\": true, \"access_until\": \"2025-04-30\"}", "says": ["2025-04-30"]},
    {"case": 9, "call": '{"name": "check_visa_requirements", "parameters": {"citizenship": "India", '
                        '"destination": "Japan"}}',
     "result": "Result: {\"visa_required\": true, \"processing_days\": 5}", "says": ["5"]},
    {"case": 10, "call": '[calculate_age(birth_date="1990-07-15")]', "result": "Function returned 35",
     "says": ["35"]},
    {"case": 11, "call": '{"name": "book_tennis_court", "parameters": {"club": "Riverside Club", "date": '
                         '"2025-06-07", "hours": 2}}',
     "result": "Result: {\"court\": 3, \"start\": \"09:00\", \"price_eur\": 24}", "says": ["09:00", "24"]},
    {"case": 12, "call": '[get_recycling_day(street="Larch Road")]',
     "result": "The function returned: \"Thursday, every two weeks\"", "says": ["Thursday"]},
    {"case": 13, "call": '{"name": "lookup_postcode", "parameters": {"postcode": "EH1 1YZ"}}',
     "result": "lookup_postcode output: {\"district\": \"Old Town\", \"city\": \"Edinburgh\"}",
     "says": ["Old Town", "Edinburgh"]},
]
for _case in RESULT_CASES_G:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_G[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- a development set (seen)
#
# Written after the sixth and seventh sets were committed, to develop the general value finding
# against (with the first five sets): seen, reported among the seen sets, never the goals' measure.

JSON_CASES_DEV = [
    {"prompt": "Extract the claim as JSON with keys policy_number, claimant, incident_date and estimated_cost.\n\n"
               "Claim: Policy PX-55120. Submitted by Rafael Costa. On 2025-01-09 a pipe burst in the kitchen; "
               "repairs are estimated at 2,750 EUR.",
     "expect": {"policy_number": "PX-55120", "claimant": "Rafael Costa", "incident_date": "2025-01-09",
                "estimated_cost": 2750}},
    {"prompt": "Give me JSON (keys: band, venue, city, doors_open, ticket_price).\n"
               "Gig alert: The Velvet Owls play the Roundhouse in London. Doors open 19:00, tickets 28 GBP.",
     "expect": {"band": "The Velvet Owls", "venue": "Roundhouse", "city": "London", "doors_open": "19:00",
                "ticket_price": 28}},
    {"prompt": "Return only JSON shaped like {\"account\": \"\", \"kwh\": 0, \"amount\": 0.0, \"direct_debit\": true}."
               "\nElectricity statement for account 7730-118: you used 412 kWh this month. Amount: 96.35. Paid "
               "by direct debit.",
     "expect": {"account": "7730-118", "kwh": 412, "amount": 96.35, "direct_debit": True}},
    {"prompt": "Extract into JSON with the following schema:\n"
               + _schema({"member": {"type": "string"},
                          "plan": {"type": "string", "enum": ["basic", "plus", "premium"]},
                          "monthly_fee": {"type": "number"}, "start": {"type": "string", "description": "YYYY-MM-DD"}})
               + "\nWelcome Ikram Benali! Your premium membership begins on 2025-03-01 at 39.90 a month.",
     "expect": {"member": "Ikram Benali", "plan": "premium", "monthly_fee": 39.9, "start": "2025-03-01"}},
    {"prompt": "Lost property report -> JSON with item, colour, found_at, finder.\n"
               "A blue umbrella was found at Platform 3 by Keith Morgan.",
     "expect": {"item": "umbrella", "colour": "blue", "finder": "Keith Morgan"}},
    {"prompt": "Give the paper's metadata as JSON: title, first_author, journal, year, pages.\n"
               "\"Sleep and Memory in Adolescents\" by Nadia Farouk et al., Journal of Youth Studies, 2021, 34 pages.",
     "expect": {"title": "Sleep and Memory in Adolescents", "first_author": "Nadia Farouk", "year": 2021,
                "pages": 34}},
    {"prompt": "Return a JSON object with keys bags, bag_tag and last_seen_airport.\n"
               "Baggage claim: 1 bag missing, tag number AY 482913, last seen at Helsinki airport.",
     "expect": {"bags": 1, "bag_tag": "AY 482913"}},
    {"prompt": "Please turn this wine note into JSON with keys winery, vintage, grape, score (out of 100).\n"
               "Domaine Caillou 2019 Pinot Noir - silky and bright. Score: 91.",
     "expect": {"winery": "Domaine Caillou", "vintage": 2019, "grape": "Pinot Noir", "score": 91}},
    {"prompt": "Podcast episode to JSON - keys: show, episode_number, guest, length_minutes.\n"
               "Episode 212 of Deep Roots features botanist Sofia Brandt and runs 54 minutes.",
     "expect": {"episode_number": 212, "guest": "Sofia Brandt", "length_minutes": 54}},
    {"prompt": "App review. Output JSON with keys app, stars, device and crashed (true/false).\n"
               "\"PhotoNest keeps crashing on my Pixel 8 whenever I upload. 2 stars.\"",
     "expect": {"app": "PhotoNest", "stars": 2, "crashed": True}},
    {"prompt": "JSON with keys volunteer, shift_date, hours, role:\nThanks to Beatriz Lima for signing up to "
               "help at the food bank on 2025-04-05 for 4 hours as a driver.",
     "expect": {"volunteer": "Beatriz Lima", "shift_date": "2025-04-05", "hours": 4, "role": "driver"}},
    {"prompt": "Extract the parking fine: JSON keys fine_id, vehicle, amount, pay_by.\n"
               "Notice PF-30917: vehicle KM19 XTR was parked illegally. Pay 70 GBP by 2025-02-28.",
     "expect": {"fine_id": "PF-30917", "vehicle": "KM19 XTR", "amount": 70, "pay_by": "2025-02-28"}},
    {"prompt": "From the school report, return {\"student\": \"\", \"class\": \"\", \"maths\": 0, \"english\": 0}.\n"
               "Report for Oliver Grant, class 7B. Maths: 82. English: 74.",
     "expect": {"student": "Oliver Grant", "class": "7B", "maths": 82, "english": 74}},
    {"prompt": "Conference registration as JSON: attendee, organisation, ticket_type (student, standard or vip), "
               "dietary_needs.\nI'm Lukas Meyer from Hanseatic Bank, registering for a standard ticket. I'm vegan.",
     "expect": {"attendee": "Lukas Meyer", "organisation": "Hanseatic Bank", "ticket_type": "standard"}},
    {"prompt": "Turn the weather alert into JSON with region, alert_level (yellow/amber/red), wind_speed_kmh and "
               "valid_until.\nAmber warning for Cornwall: gusts up to 110 km/h, valid until 18:00.",
     "expect": {"region": "Cornwall", "alert_level": "amber", "wind_speed_kmh": 110, "valid_until": "18:00"}},
    {"prompt": "Car listing -> JSON {\"make\": string, \"model\": string, \"year\": integer, \"price_eur\": number, "
               "\"automatic\": boolean}\nFor sale: 2020 Skoda Octavia, manual gearbox, 14,500 EUR.",
     "expect": {"make": "Skoda", "model": "Octavia", "year": 2020, "price_eur": 14500, "automatic": False}},
    {"prompt": "Give JSON with the keys sitter, pet, start_date, end_date and daily_rate.\nPet sitting: Hana Kim "
               "will look after our dog from 2025-08-10 to 2025-08-17 for 25 EUR a day.",
     "expect": {"sitter": "Hana Kim", "pet": "dog", "start_date": "2025-08-10", "end_date": "2025-08-17",
                "daily_rate": 25}},
    {"prompt": "Parse this tweet into JSON with keys handle, hashtag and likes.\n"
               "@marco_bakes: New sourdough recipe is live! #breadtok (1,204 likes)",
     "expect": {"handle": "@marco_bakes", "hashtag": "#breadtok", "likes": 1204}},
    {"prompt": "What is the largest ocean on Earth? Reply in JSON with keys ocean and answer_confidence.",
     "expect": {"ocean": "Pacific Ocean"}},
    {"prompt": "Return JSON with the keys \"order\", \"items\" and \"gift\" (true or false).\nOrder 99-7812: "
               "three notebooks and a pen. Please gift wrap it.",
     "expect": {"order": "99-7812", "items": 4, "gift": True}},
    {"prompt": "Extract as JSON: landlord, tenant, monthly_rent, deposit_months.\n"
               "Tenancy agreement between landlord Peter Walsh and tenant Aisha Bello. Rent 980 per month; "
               "deposit of 2 months.",
     "expect": {"landlord": "Peter Walsh", "tenant": "Aisha Bello", "monthly_rent": 980, "deposit_months": 2}},
    {"prompt": "Read the recall notice and reply with JSON: product, batch, risk (low, medium, high).\n"
               "Recall: Sunny Day peanut butter, batch B-2291, may contain glass. Do not eat.",
     "expect": {"batch": "B-2291", "risk": "high"}},
    {"prompt": "Output JSON only with the fields home_team, away_team, home_goals, away_goals.\n"
               "Final score: Porto 2, Benfica 2.",
     "expect": {"home_team": "Porto", "away_team": "Benfica", "home_goals": 2, "away_goals": 2}},
    {"prompt": "JSON please: sender, subject, has_attachment (true/false).\nFrom: Irene Vasquez\nSubject: "
               "Q3 figures\nNo attachment this time, figures are in the body.",
     "expect": {"sender": "Irene Vasquez", "subject": "Q3 figures", "has_attachment": False}},
    {"prompt": "Describe this class as JSON: course, teacher, weekday, room, max_students.\n"
               "Pottery for Beginners with Helga Strom, every Thursday in Studio 4, max 8 students.",
     "expect": {"course": "Pottery for Beginners", "teacher": "Helga Strom", "weekday": "Thursday",
                "max_students": 8}},
]

MEDITATE = _fn("start_meditation", "Start a guided meditation session",
               {"minutes": {"type": "integer"}, "theme": {"type": "string", "enum": ["sleep", "focus", "calm"]}},
               ["minutes"])
FUEL = _fn("find_fuel_station", "Find the nearest fuel or charging station",
           {"fuel_type": {"type": "string", "enum": ["petrol", "diesel", "electric"]}, "near": {"type": "string"}},
           ["fuel_type"])
INSURE = _fn("get_insurance_quote", "Get a travel insurance quote",
             {"destination": {"type": "string"}, "days": {"type": "integer"}, "travellers": {"type": "integer"}},
             ["destination", "days"])
LOCK = _fn("lock_door", "Lock or unlock a smart door lock",
           {"door": {"type": "string", "enum": ["front", "back", "garage"]}, "locked": {"type": "boolean"}},
           ["door", "locked"])
SYNONYM = _fn("find_synonyms", "Find synonyms for an English word", {"word": {"type": "string"}}, ["word"])
CONVERT_TEMP = _fn("convert_temperature", "Convert a temperature between Celsius and Fahrenheit",
                   {"value": {"type": "number"}, "to_scale": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                   ["value", "to_scale"])
INVOICE = _fn("send_invoice", "Send an invoice to a client",
              {"client_email": {"type": "string"}, "amount": {"type": "number"},
               "due_days": {"type": "integer", "description": "days until payment is due"}},
              ["client_email", "amount"])
PLANT_ID = _fn("identify_plant", "Identify a plant from a description", {"description": {"type": "string"}},
               ["description"])
CAB = _fn("book_airport_transfer", "Book a car to or from an airport",
          {"airport": {"type": "string", "description": "IATA code"}, "pickup_time": {"type": "string"},
           "passengers": {"type": "integer"}}, ["airport", "pickup_time"])
SEAT = _fn("choose_seat", "Choose a seat on a booked flight",
           {"booking_ref": {"type": "string"}, "seat": {"type": "string", "description": "e.g. 14C"}},
           ["booking_ref", "seat"])
QUIZ = _fn("get_trivia_question", "Get a trivia question",
           {"category": {"type": "string", "enum": ["history", "science", "sport", "music"]},
            "difficulty": {"type": "string", "enum": ["easy", "hard"]}}, ["category"])
LAUNDRY = _fn("start_washing_machine", "Start the washing machine",
              {"program": {"type": "string", "enum": ["cotton", "wool", "quick", "eco"]},
               "temperature_c": {"type": "integer"}}, ["program"])

CALL_CASES_DEV = [
    {"functions": [MEDITATE, FUEL], "format": "python", "question": "Start a 10 minute sleep meditation.",
     "expect": ("start_meditation", {"minutes": 10, "theme": "sleep"})},
    {"functions": [FUEL, MEDITATE], "format": "json", "question": "Where can I charge my electric car near Bath?",
     "expect": ("find_fuel_station", {"fuel_type": "electric", "near": "Bath"})},
    {"functions": [INSURE, FUEL], "format": "python",
     "question": "How much is travel insurance for 2 people going to Peru for 12 days?",
     "expect": ("get_insurance_quote", {"destination": "Peru", "days": 12, "travellers": 2})},
    {"functions": [LOCK, SYNONYM], "format": "json", "question": "Lock the back door.",
     "expect": ("lock_door", {"door": "back", "locked": True})},
    {"functions": [SYNONYM, LOCK], "format": "python", "question": "Give me another word for 'happy'.",
     "expect": ("find_synonyms", {"word": "happy"})},
    {"functions": [CONVERT_TEMP, INVOICE], "format": "json", "question": "What is 30 degrees Celsius in Fahrenheit?",
     "expect": ("convert_temperature", {"value": 30, "to_scale": "fahrenheit"})},
    {"functions": [INVOICE, CONVERT_TEMP], "format": "python",
     "question": "Invoice lena@studio.example for 1200, due in 30 days.",
     "expect": ("send_invoice", {"client_email": "lena@studio.example", "amount": 1200, "due_days": 30})},
    {"functions": [PLANT_ID, SYNONYM], "format": "json",
     "question": "What plant has purple bell-shaped flowers and fuzzy leaves?",
     "expect": ("identify_plant", {"description": ANY_TEXT})},
    {"functions": [CAB, SEAT], "format": "python",
     "question": "I need a car to pick me up at 05:30 for LHR, 3 passengers.",
     "expect": ("book_airport_transfer", {"airport": "LHR", "pickup_time": "05:30", "passengers": 3})},
    {"functions": [SEAT, CAB], "format": "json", "question": "Put me in seat 22F on booking QWX7LP.",
     "expect": ("choose_seat", {"booking_ref": "QWX7LP", "seat": "22F"})},
    {"functions": [QUIZ, MEDITATE], "format": "python", "question": "Ask me a hard history question.",
     "expect": ("get_trivia_question", {"category": "history", "difficulty": "hard"})},
    {"functions": [LAUNDRY, LOCK], "format": "json", "question": "Run a wool wash at 30 degrees.",
     "expect": ("start_washing_machine", {"program": "wool", "temperature_c": 30})},
    {"functions": [FUEL, INSURE], "format": "python", "question": "I need diesel.",
     "expect": ("find_fuel_station", {"fuel_type": "diesel"})},
    {"functions": [INSURE, CAB], "format": "json", "question": "Quote me insurance for a week in Morocco.",
     "expect": ("get_insurance_quote", {"destination": "Morocco", "days": 7})},
    {"functions": [MEDITATE, QUIZ], "format": "json", "question": "Who painted The Starry Night?", "expect": None},
    {"functions": [LOCK, LAUNDRY], "format": "python", "question": "Suggest a name for my goldfish.",
     "expect": None},
    {"functions": [CONVERT_TEMP, SEAT], "format": "python", "question": "How far is the Moon from Earth?",
     "expect": None},
    {"functions": [SYNONYM, PLANT_ID, QUIZ], "format": "json", "question": "Is a tomato a fruit or a vegetable?",
     "expect": None},
    {"functions": [LOCK, CAB], "format": "python", "question": "Unlock the garage.",
     "expect": ("lock_door", {"door": "garage", "locked": False})},
    {"functions": [QUIZ, SYNONYM], "format": "json", "question": "Quiz me on music.",
     "expect": ("get_trivia_question", {"category": "music"})},
]
for _case in CALL_CASES_DEV:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_DEV = [
    {"case": 1, "call": '{"name": "find_fuel_station", "parameters": {"fuel_type": "electric", "near": "Bath"}}',
     "result": "Result: [{\"name\": \"Ionity Bath Spa\", \"distance_km\": 2.4, \"free_chargers\": 3}]",
     "says": ["Ionity Bath Spa", "2.4"]},
    {"case": 2, "call": '[get_insurance_quote(destination="Peru", days=12, travellers=2)]',
     "result": "Quote returned: {\"price_eur\": 86.4, \"cover\": \"medical and baggage\"}",
     "says": ["86.4", "medical and baggage"]},
    {"case": 5, "call": '{"name": "convert_temperature", "parameters": {"value": 30, "to_scale": "fahrenheit"}}',
     "result": "86", "says": ["86"]},
    {"case": 9, "call": '{"name": "choose_seat", "parameters": {"booking_ref": "QWX7LP", "seat": "22F"}}',
     "result": "Function response: {\"ok\": false, \"error\": \"seat taken\", \"nearest_free\": \"22D\"}",
     "says": ["taken", "22D"]},
    {"case": 10, "call": '[get_trivia_question(category="history", difficulty="hard")]',
     "result": "Result: {\"question\": \"In which year did the Byzantine Empire fall?\"}",
     "says": ["In which year did the Byzantine Empire fall?"]},
    {"case": 4, "call": '[find_synonyms(word="happy")]', "result": "Output: [\"cheerful\", \"content\", \"glad\"]",
     "says": ["cheerful", "glad"]},
]
for _case in RESULT_CASES_DEV:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_DEV[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# A second development set (seen), written once the first was fixed, to check the mechanisms carry over.
JSON_CASES_DEV2 = [
    {"prompt": "Pull these fields into JSON: buyer, seller, item, final_price.\nAuction result: Magnus Berg sold his "
               "vintage typewriter to Clara Ruiz for 310 EUR.",
     "expect": {"buyer": "Clara Ruiz", "seller": "Magnus Berg", "final_price": 310}},
    {"prompt": "Output a JSON object: {\"city\": \"\", \"temp_high_c\": 0, \"temp_low_c\": 0, \"rain_chance\": 0}\n"
               "Forecast for Lyon: high of 24 C, low of 13 C, 40% chance of rain.",
     "expect": {"city": "Lyon", "temp_high_c": 24, "temp_low_c": 13, "rain_chance": 40}},
    {"prompt": "Extract JSON with keys requester, laptop_model, ram_gb and approved (true/false).\n"
               "IT request from Dev Patel: a ThinkPad X1 with 32 GB RAM. Manager note: approved.",
     "expect": {"requester": "Dev Patel", "ram_gb": 32, "approved": True}},
    {"prompt": "Read the recipe and return JSON with keys name, prep_time_minutes, cook_time_minutes, serves.\n"
               "Mushroom Stroganoff. Prep 15 min, cook 20 min. Serves 3.",
     "expect": {"name": "Mushroom Stroganoff", "prep_time_minutes": 15, "cook_time_minutes": 20, "serves": 3}},
    {"prompt": "Return JSON (keys: event_name, organiser, date, capacity) for this invitation:\nThe Riverside Book "
               "Club, organised by Anne Holt, meets on 2025-10-02. Space for 25 readers.",
     "expect": {"organiser": "Anne Holt", "date": "2025-10-02", "capacity": 25}},
    {"prompt": "Convert this support ticket to JSON with keys ticket_id, customer, product, severity "
               "(low/medium/high/critical).\nTicket T-8812 - Olivia Hart: the Nimbus router drops the connection "
               "every few minutes, our whole office is offline.",
     "expect": {"ticket_id": "T-8812", "customer": "Olivia Hart"}},
    {"prompt": "From this flight itinerary give JSON: airline, flight, from, to, departs.\n"
               "Iberia flight IB3170 from Madrid to Dublin departs at 07:25.",
     "expect": {"airline": "Iberia", "flight": "IB3170", "from": "Madrid", "to": "Dublin", "departs": "07:25"}},
    {"prompt": "Please give JSON with keys reviewer, rating and liked (boolean) for:\n\"Honestly the hotel was "
               "dirty and the staff rude. 1/5. - Pavel\"",
     "expect": {"reviewer": "Pavel", "rating": 1, "liked": False}},
    {"prompt": "JSON with the keys patient, appointment_date, clinic and new_patient (true/false).\nHello, I'm "
               "Yara Haddad, I have never been to your clinic before. Could I book a check-up at Northside Clinic "
               "on 2025-11-20?",
     "expect": {"patient": "Yara Haddad", "appointment_date": "2025-11-20", "clinic": "Northside Clinic",
                "new_patient": True}},
    {"prompt": "Job post to JSON. Fields: title, employer, city, hourly_rate.\nSunrise Bakery in Leeds needs a "
               "Pastry Chef, 14.50 per hour.",
     "expect": {"title": "Pastry Chef", "employer": "Sunrise Bakery", "city": "Leeds", "hourly_rate": 14.5}},
    {"prompt": "Return a JSON object with keys product, quantity and unit_price.\nPlease send 24 boxes of printer "
               "paper at 5.99 each.",
     "expect": {"quantity": 24, "unit_price": 5.99}},
    {"prompt": "Give me a JSON object with keys origin_city, destination_city, distance_km:\n"
               "The drive from Munich to Prague is about 380 km.",
     "expect": {"origin_city": "Munich", "destination_city": "Prague", "distance_km": 380}},
]

STREAM = _fn("find_tv_show", "Find which streaming service has a TV show", {"title": {"type": "string"}}, ["title"])
BUDGET = _fn("set_budget", "Set a monthly spending budget for a category",
             {"category": {"type": "string", "enum": ["groceries", "transport", "entertainment"]},
              "amount": {"type": "number"}}, ["category", "amount"])
WIFI = _fn("share_wifi", "Share the home Wi-Fi with a guest for some hours",
           {"guest_name": {"type": "string"}, "hours": {"type": "integer"}}, ["guest_name"])
CLIMB = _fn("get_route_elevation", "Get the elevation gain of a hiking or cycling route",
            {"start": {"type": "string"}, "end": {"type": "string"}}, ["start", "end"])
ROBOT = _fn("schedule_lawn_mower", "Schedule the robot lawn mower",
            {"day": {"type": "string"}, "time": {"type": "string", "description": "HH:MM"}}, ["day"])

CALL_CASES_DEV2 = [
    {"functions": [STREAM, BUDGET], "format": "python", "question": "Where can I stream Severance?",
     "expect": ("find_tv_show", {"title": "Severance"})},
    {"functions": [BUDGET, STREAM], "format": "json", "question": "Cap my grocery spending at 400 a month.",
     "expect": ("set_budget", {"category": "groceries", "amount": 400})},
    {"functions": [WIFI, ROBOT], "format": "python", "question": "Give Tom Wi-Fi access for 3 hours.",
     "expect": ("share_wifi", {"guest_name": "Tom", "hours": 3})},
    {"functions": [CLIMB, WIFI], "format": "json",
     "question": "How much climbing is there between Chamonix and Zermatt?",
     "expect": ("get_route_elevation", {"start": "Chamonix", "end": "Zermatt"})},
    {"functions": [ROBOT, CLIMB], "format": "python", "question": "Mow the lawn on Saturday at 9am.",
     "expect": ("schedule_lawn_mower", {"day": "Saturday", "time": "09:00"})},
    {"functions": [STREAM, ROBOT], "format": "json", "question": "What's the best way to cook rice?", "expect": None},
]
for _case in CALL_CASES_DEV2:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])
RESULT_CASES_DEV2 = []

# --------------------------------------------------------------------------- an eighth set ("final2", unseen)
#
# Written and committed before the next round of work on the practice server's skills, and never run or
# read while it went on: the goals' measure from then on (the earlier sets become "seen").

JSON_CASES_H = [
    {"prompt": "Turn this gym sign-up into JSON with keys member_name, plan, monthly_price, has_locker.\n"
               "New member: Tobias Lindqvist joined on the Flex plan at 34 EUR a month. He rented a locker.",
     "expect": {"member_name": "Tobias Lindqvist", "plan": "Flex", "monthly_price": 34, "has_locker": True}},
    {"prompt": "Give JSON with the keys title, director, runtime_minutes and is_sequel.\n"
               "Our club screens a film titled \"Harbour Lights\" by director Ines Moreau tonight; it runs "
               "107 minutes and is not a sequel.",
     "expect": {"title": "Harbour Lights", "director": "Ines Moreau", "runtime_minutes": 107, "is_sequel": False}},
    {"prompt": "Extract the shipment as JSON: tracking_code, carrier, weight_kg, signature_required.\n"
               "Parcel ZX-771043 goes with Nordpost, weighs 3.2 kg. Signature required on delivery: yes.",
     "expect": {"tracking_code": "ZX-771043", "carrier": "Nordpost", "weight_kg": 3.2, "signature_required": True}},
    {"prompt": "I need the fields guest, room_number, check_out_date and late_checkout. Answer in JSON.\n"
               "Front desk note: Mirela Popescu in room 512 leaves on 2025-09-03. Late checkout: no.",
     "expect": {"guest": "Mirela Popescu", "room_number": 512, "check_out_date": "2025-09-03",
                "late_checkout": False}},
    {"prompt": "Please return JSON. The keys should be the author of the book, the number of pages and the "
               "year it came out: author, pages, year.\nThe novel Salt Roads by Kenji Arata (2018) has 412 pages.",
     "expect": {"author": "Kenji Arata", "pages": 412, "year": 2018}},
    {"prompt": "From the listing below give me {\"address\": \"\", \"bedrooms\": 0, \"rent\": 0, "
               "\"pets_allowed\": false}\n"
               "Flat at 14 Calder Street, 2 bedrooms, 1,150 per month. Pets welcome.",
     "expect": {"address": "14 Calder Street", "bedrooms": 2, "rent": 1150, "pets_allowed": True}},
    {"prompt": "Extract as JSON with keys podcast_title, host, episodes.\n"
               "A new show called \"Quiet Machines\" hosted by Laila Nasser has 18 episodes so far.",
     "expect": {"podcast_title": "Quiet Machines", "host": "Laila Nasser", "episodes": 18}},
    {"prompt": "Output JSON only: sku, colour, size, in_stock.\nStock check: item SKU 88-TR-204, colour navy, "
               "size M. Currently out of stock.",
     "expect": {"sku": "88-TR-204", "colour": "navy", "size": "M", "in_stock": False}},
    {"prompt": "Convert to JSON (fields donor, amount, currency, anonymous):\n"
               "Donation received from Farah Qureshi: 250 GBP. She asked to stay anonymous.",
     "expect": {"donor": "Farah Qureshi", "amount": 250, "currency": "GBP", "anonymous": True}},
    {"prompt": "Return a JSON object with keys website, contact_email and founded.\n"
               "Greenleaf Tiles (greenleaftiles.co.uk) was founded in 1996; write to hello@greenleaftiles.co.uk.",
     "expect": {"website": "greenleaftiles.co.uk", "contact_email": "hello@greenleaftiles.co.uk", "founded": 1996}},
    {"prompt": "Read the lab result and answer as JSON with keys patient_id, test, value, unit, abnormal.\n"
               "Patient P-40218, test: fasting glucose, value 6.8 mmol/L, flagged abnormal.",
     "expect": {"patient_id": "P-40218", "test": "fasting glucose", "value": 6.8, "unit": "mmol/L",
                "abnormal": True}},
    {"prompt": "Make JSON with the keys course_code, credits, lecturer and online.\n"
               "CS204 Data Structures, 6 credits, taught by Dr. Amara Obi, held on campus only.",
     "expect": {"course_code": "CS204", "credits": 6, "lecturer": "Amara Obi", "online": False}},
    {"prompt": "Give the following as JSON: plant, water_every_days, sunlight (full, partial or shade).\n"
               "Care card: Boston fern. Water every 3 days and keep it in partial shade away from direct sun.",
     "expect": {"plant": "Boston fern", "water_every_days": 3, "sunlight": "partial"}},
    {"prompt": "Schema:\n" + _schema({"vessel": {"type": "string"}, "port": {"type": "string"},
                                      "arrival": {"type": "string", "description": "HH:MM"},
                                      "containers": {"type": "integer"}})
               + "\nThe MV Northern Star docks at Rotterdam at 06:45 carrying 1,820 containers.",
     "expect": {"vessel": "MV Northern Star", "port": "Rotterdam", "arrival": "06:45", "containers": 1820}},
    {"prompt": "JSON with keys: runner, race, finish_time, personal_best (true/false)\n"
               "Congrats to Elif Demir, who finished the Lisbon Half Marathon in 1:32:10, a new personal best!",
     "expect": {"runner": "Elif Demir", "race": "Lisbon Half Marathon", "finish_time": "1:32:10",
                "personal_best": True}},
    {"prompt": "Summarise the bug report in JSON with the keys app_version, platform, steps and severity "
               "(low, medium or high).\nVersion 4.2.1 on Android crashes as soon as you open settings. Nobody "
               "can change their password. Severity high.",
     "expect": {"app_version": "4.2.1", "platform": "Android", "severity": "high"}},
    {"prompt": "Return JSON: {\"name\": string, \"age\": integer, \"email\": string, \"newsletter\": boolean}\n"
               "Hi, I'm Bruno Kessler, 41, reach me at bruno.k@mailbox.example. Yes, sign me up for the newsletter.",
     "expect": {"name": "Bruno Kessler", "age": 41, "email": "bruno.k@mailbox.example", "newsletter": True}},
    {"prompt": "Extract these keys as JSON - venue, capacity, wheelchair_access, parking_spaces.\n"
               "The Old Mill Hall seats 220 guests, has step-free wheelchair access and 40 parking spaces.",
     "expect": {"venue": "The Old Mill Hall", "capacity": 220, "wheelchair_access": True, "parking_spaces": 40}},
    {"prompt": "Give me the order as JSON with keys customer, pizzas, size, delivery.\n"
               "Order from Sam Okafor: three large pizzas, to be collected in store.",
     "expect": {"customer": "Sam Okafor", "pizzas": 3, "size": "large", "delivery": False}},
    {"prompt": "JSON with keys from_city, to_city, departure_date and seats:\n"
               "Please book 2 seats on the coach from Porto to Seville on 2025-07-19.",
     "expect": {"from_city": "Porto", "to_city": "Seville", "departure_date": "2025-07-19", "seats": 2}},
    {"prompt": "Extract to JSON with the keys brand, model, battery_mah, water_resistant.\n"
               "Review: The Korvo Pulse 5 phone packs a 4,800 mAh battery and is rated IP68 water resistant.",
     "expect": {"brand": "Korvo", "model": "Pulse 5", "battery_mah": 4800, "water_resistant": True}},
    {"prompt": "Parse the meeting invite into JSON (keys: topic, date, start_time, duration_minutes, organiser).\n"
               "Budget review with Priya Raman on 2025-05-22, starting 14:00, for 45 minutes.",
     "expect": {"topic": "Budget review", "date": "2025-05-22", "start_time": "14:00", "duration_minutes": 45,
                "organiser": "Priya Raman"}},
    {"prompt": "Return JSON with keys dish, price and vegetarian.\n"
               "Tonight's special: Wild mushroom risotto, 18.50, vegetarian.",
     "expect": {"dish": "Wild mushroom risotto", "price": 18.5, "vegetarian": True}},
    {"prompt": "Provide JSON: employee, department, start_date, remote (true/false)\n"
               "Welcome aboard Jonas Weber, joining Finance on 2025-02-03. He will work fully remote.",
     "expect": {"employee": "Jonas Weber", "department": "Finance", "start_date": "2025-02-03", "remote": True}},
    {"prompt": "Extract the postal details as JSON with keys recipient, street, postcode, country.\n"
               "Send it to Chloe Dubois, 8 Rue des Lilas, 69003 Lyon, France.",
     "expect": {"recipient": "Chloe Dubois", "street": "8 Rue des Lilas", "postcode": "69003", "country": "France"}},
    {"prompt": "Give JSON with keys ingredient, quantity_grams and organic for:\n"
               "Add 250 g of organic spelt flour.",
     "expect": {"ingredient": "spelt flour", "quantity_grams": 250, "organic": True}},
    {"prompt": "As JSON (keys sensor_id, temperature_c, humidity_percent, battery_low):\n"
               "Sensor GH-07 reports 21.4 C and 63% humidity; battery OK.",
     "expect": {"sensor_id": "GH-07", "temperature_c": 21.4, "humidity_percent": 63, "battery_low": False}},
    {"prompt": "Extract the complaint into JSON with keys customer, order_number, issue and refund_requested.\n"
               "Hello, this is Marta Silva. Order 55-3019 arrived with a cracked screen. I would like a refund.",
     "expect": {"customer": "Marta Silva", "order_number": "55-3019", "refund_requested": True}},
    {"prompt": "Return JSON with keys album, artist, tracks, release_year.\n"
               "The album titled Glass Rivers by Noor Haddad came out in 2022 with 11 tracks.",
     "expect": {"album": "Glass Rivers", "artist": "Noor Haddad", "tracks": 11, "release_year": 2022}},
    {"prompt": "Give JSON with keys language, level, lessons_per_week, is_group_class.\n"
               "I'm signing up for Portuguese at intermediate level, 2 lessons a week, private one-to-one.",
     "expect": {"language": "Portuguese", "level": "intermediate", "lessons_per_week": 2, "is_group_class": False}},
    {"prompt": "Return JSON with the keys vehicle_plate, mileage_km, service_due and next_service_date.\n"
               "Service log: car LV21 PKD, 48,300 km on the clock. Service due: yes, booked for 2025-10-14.",
     "expect": {"vehicle_plate": "LV21 PKD", "mileage_km": 48300, "service_due": True,
                "next_service_date": "2025-10-14"}},
    {"prompt": "Extract JSON with keys city, population and capital (true or false).\n"
               "Graz, with about 290,000 inhabitants, is Austria's second city.",
     "expect": {"city": "Graz", "population": 290000, "capital": False}},
]

BIKE_H = _fn("rent_bike", "Rent a city bike for some hours",
             {"station": {"type": "string"}, "hours": {"type": "integer"}, "electric": {"type": "boolean"}},
             ["station", "hours"])
CINEMA_H = _fn("get_showtimes", "Get today's cinema showtimes for a film in a city",
               {"film": {"type": "string"}, "city": {"type": "string"}}, ["film", "city"])
PHARM_H = _fn("refill_prescription", "Request a refill of a prescription",
              {"prescription_id": {"type": "string"}, "pharmacy": {"type": "string"}}, ["prescription_id"])
FERRY_H = _fn("search_ferries", "Search ferry crossings between two ports",
              {"origin": {"type": "string"}, "destination": {"type": "string"},
               "date": {"type": "string", "description": "YYYY-MM-DD"}}, ["origin", "destination"])
PASSWORD_H = _fn("generate_password", "Generate a random password",
                 {"length": {"type": "integer"}, "symbols": {"type": "boolean"}}, ["length"])
WEATHER_H = _fn("get_forecast", "Get the weather forecast for a city for a number of days",
                {"city": {"type": "string"}, "days": {"type": "integer"}}, ["city"])
QR_H = _fn("make_qr_code", "Make a QR code image for a link",
           {"url": {"type": "string"}, "size_px": {"type": "integer"}}, ["url"])
GROCERY_H = _fn("add_to_shopping_list", "Add an item to the shopping list",
                {"item": {"type": "string"}, "quantity": {"type": "integer"}}, ["item"])
MEETING_H = _fn("schedule_meeting", "Schedule a meeting with a colleague",
                {"person": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                 "time": {"type": "string", "description": "HH:MM"}}, ["person", "date"])
EXCHANGE_H = _fn("get_exchange_rate", "Get the exchange rate between two currencies",
                 {"base": {"type": "string", "description": "ISO code"},
                  "target": {"type": "string", "description": "ISO code"}}, ["base", "target"])
WHOIS_H = _fn("lookup_website_owner", "Look up who owns a website domain", {"domain": {"type": "string"}},
              ["domain"])
PARCEL_H = _fn("schedule_pickup", "Schedule a courier pickup of a parcel",
               {"address": {"type": "string"}, "parcels": {"type": "integer"}, "date": {"type": "string"}},
               ["address", "parcels"])
VACCINE_H = _fn("check_vaccinations", "Check which vaccinations travellers need for a country",
                {"country": {"type": "string"}}, ["country"])
OVEN_H = _fn("preheat_oven", "Preheat the smart oven",
             {"temperature_c": {"type": "integer"},
              "mode": {"type": "string", "enum": ["fan", "grill", "conventional"]}},
             ["temperature_c"])
FLASH_H = _fn("create_flashcards", "Create a deck of flashcards on a topic",
              {"topic": {"type": "string"}, "cards": {"type": "integer"}}, ["topic"])
ORDER_H = _fn("track_order", "Track an online order by its order reference", {"order_ref": {"type": "string"}},
              ["order_ref"])

CALL_CASES_H = [
    {"functions": [BIKE_H, FERRY_H], "format": "python",
     "question": "Rent me an electric bike at Central Station for 3 hours.",
     "expect": ("rent_bike", {"station": "Central Station", "hours": 3, "electric": True})},
    {"functions": [CINEMA_H, BIKE_H], "format": "json",
     "question": "What time is Dune Part Two on in Glasgow today?",
     "expect": ("get_showtimes", {"film": "Dune Part Two", "city": "Glasgow"})},
    {"functions": [PHARM_H, CINEMA_H], "format": "python",
     "question": "Please refill prescription RX-50921 at Hill Street Pharmacy.",
     "expect": ("refill_prescription", {"prescription_id": "RX-50921", "pharmacy": "Hill Street Pharmacy"})},
    {"functions": [FERRY_H, PHARM_H], "format": "json",
     "question": "Are there ferries from Dover to Calais on 2025-06-21?",
     "expect": ("search_ferries", {"origin": "Dover", "destination": "Calais", "date": "2025-06-21"})},
    {"functions": [PASSWORD_H, QR_H], "format": "python",
     "question": "Generate a 16 character password with symbols.",
     "expect": ("generate_password", {"length": 16, "symbols": True})},
    {"functions": [WEATHER_H, PASSWORD_H], "format": "json",
     "question": "What will the weather be like in Tallinn over the next five days?",
     "expect": ("get_forecast", {"city": "Tallinn", "days": 5})},
    {"functions": [QR_H, WHOIS_H], "format": "python",
     "question": "Make a 500 pixel QR code for https://menu.casarosa.example/lunch",
     "expect": ("make_qr_code", {"url": "https://menu.casarosa.example/lunch", "size_px": 500})},
    {"functions": [GROCERY_H, OVEN_H], "format": "json",
     "question": "Put six lemons on my shopping list.",
     "expect": ("add_to_shopping_list", {"item": "lemons", "quantity": 6})},
    {"functions": [MEETING_H, GROCERY_H], "format": "python",
     "question": "Set up a meeting with Ayesha Khan on 2025-03-12 at 10:30.",
     "expect": ("schedule_meeting", {"person": "Ayesha Khan", "date": "2025-03-12", "time": "10:30"})},
    {"functions": [EXCHANGE_H, WEATHER_H], "format": "json",
     "question": "How many Japanese yen do I get for one Swiss franc? Use CHF to JPY.",
     "expect": ("get_exchange_rate", {"base": "CHF", "target": "JPY"})},
    {"functions": [WHOIS_H, QR_H], "format": "python",
     "question": "Who owns the domain tinyforge.io?",
     "expect": ("lookup_website_owner", {"domain": "tinyforge.io"})},
    {"functions": [PARCEL_H, ORDER_H], "format": "json",
     "question": "Arrange a courier to collect two parcels from 22 Mill Lane tomorrow.",
     "expect": ("schedule_pickup", {"address": "22 Mill Lane", "parcels": 2})},
    {"functions": [VACCINE_H, FERRY_H], "format": "python",
     "question": "What jabs do I need before travelling to Kenya?",
     "expect": ("check_vaccinations", {"country": "Kenya"})},
    {"functions": [OVEN_H, GROCERY_H], "format": "json",
     "question": "Preheat the oven to 200 degrees on fan.",
     "expect": ("preheat_oven", {"temperature_c": 200, "mode": "fan"})},
    {"functions": [FLASH_H, PASSWORD_H], "format": "python",
     "question": "Make me twenty flashcards about the French Revolution.",
     "expect": ("create_flashcards", {"topic": "the French Revolution", "cards": 20})},
    {"functions": [ORDER_H, PARCEL_H], "format": "json",
     "question": "Where is my order \"KX-20931\"?",
     "expect": ("track_order", {"order_ref": "KX-20931"})},
    {"functions": [BIKE_H, WEATHER_H], "format": "json",
     "question": "I'd like a bike from Harbour Square for two hours.",
     "expect": ("rent_bike", {"station": "Harbour Square", "hours": 2})},
    {"functions": [FERRY_H, EXCHANGE_H], "format": "python",
     "question": "Find me a boat crossing to Mykonos from Piraeus.",
     "expect": ("search_ferries", {"origin": "Piraeus", "destination": "Mykonos"})},
    {"functions": [WEATHER_H, CINEMA_H], "format": "python",
     "question": "Forecast for Reykjavik please.",
     "expect": ("get_forecast", {"city": "Reykjavik"})},
    {"functions": [CINEMA_H, ORDER_H], "format": "python",
     "question": "Is Paddington showing in Bristol today?",
     "expect": ("get_showtimes", {"film": "Paddington", "city": "Bristol"})},
    {"functions": [EXCHANGE_H, PARCEL_H], "format": "json",
     "question": "Exchange rate from euros (EUR) to Polish zloty (PLN)?",
     "expect": ("get_exchange_rate", {"base": "EUR", "target": "PLN"})},
    {"functions": [VACCINE_H, WHOIS_H], "format": "json",
     "question": "I'm heading to Peru - which vaccines should I get?",
     "expect": ("check_vaccinations", {"country": "Peru"})},
    {"functions": [GROCERY_H, FLASH_H], "format": "python",
     "question": "Add oat milk to the shopping list.",
     "expect": ("add_to_shopping_list", {"item": "oat milk"})},
    {"functions": [PASSWORD_H, MEETING_H], "format": "json",
     "question": "I need a new password, 12 characters, no symbols.",
     "expect": ("generate_password", {"length": 12, "symbols": False})},
    {"functions": [OVEN_H, BIKE_H], "format": "python",
     "question": "Warm the oven up to 180 C.",
     "expect": ("preheat_oven", {"temperature_c": 180})},
    {"functions": [QR_H, GROCERY_H], "format": "json",
     "question": "Create a QR code linking to www.fieldnotes.example",
     "expect": ("make_qr_code", {"url": "www.fieldnotes.example"})},
    {"functions": [WEATHER_H, FLASH_H], "format": "json", "question": "Who wrote Pride and Prejudice?",
     "expect": None},
    {"functions": [ORDER_H, VACCINE_H], "format": "python", "question": "Tell me a joke about penguins.",
     "expect": None},
    {"functions": [MEETING_H, EXCHANGE_H], "format": "python", "question": "What is the square root of 144?",
     "expect": None},
    {"functions": [FERRY_H, OVEN_H, PHARM_H], "format": "json",
     "question": "Why is the sky blue?", "expect": None},
    {"functions": [FLASH_H, MEETING_H], "format": "json",
     "question": "Build a flashcard deck on Spanish verbs.",
     "expect": ("create_flashcards", {"topic": "Spanish verbs"})},
]
for _case in CALL_CASES_H:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

RESULT_CASES_H = [
    {"case": 0, "call": '[rent_bike(station="Central Station", hours=3, electric=True)]',
     "result": "Result: {\"bike_id\": \"EB-417\", \"unlock_code\": \"9931\"}", "says": ["EB-417", "9931"]},
    {"case": 1, "call": '{"name": "get_showtimes", "parameters": {"film": "Dune Part Two", "city": "Glasgow"}}',
     "result": "Function result: {\"times\": [\"17:10\", \"20:40\"], \"cinema\": \"Grosvenor\"}",
     "says": ["17:10", "20:40"]},
    {"case": 3, "call": '{"name": "search_ferries", "parameters": {"origin": "Dover", "destination": "Calais", '
                        '"date": "2025-06-21"}}',
     "result": "Output: [{\"departs\": \"08:15\", \"operator\": \"Channel Line\", \"price_gbp\": 59}]",
     "says": ["08:15", "59"]},
    {"case": 4, "call": '[generate_password(length=16, symbols=True)]', "result": "Result: \"q7#Lm!2vR9@tWx4e\"",
     "says": ["q7#Lm!2vR9@tWx4e"]},
    {"case": 5, "call": '{"name": "get_forecast", "parameters": {"city": "Tallinn", "days": 5}}',
     "result": "Function output: {\"summary\": \"mild and showery\", \"high_c\": 14}",
     "says": ["showery", "14"]},
    {"case": 8, "call": '[schedule_meeting(person="Ayesha Khan", date="2025-03-12", time="10:30")]',
     "result": "Result: {\"scheduled\": true, \"room\": \"Kestrel 2\"}", "says": ["Kestrel 2"]},
    {"case": 9, "call": '{"name": "get_exchange_rate", "parameters": {"base": "CHF", "target": "JPY"}}',
     "result": "Tool returned: {\"rate\": 171.35}", "says": ["171.35"]},
    {"case": 10, "call": '[lookup_website_owner(domain="tinyforge.io")]',
     "result": "Function response: {\"owner\": \"Tinyforge Labs Ltd\", \"registered\": \"2019-04-02\"}",
     "says": ["Tinyforge Labs Ltd"]},
    {"case": 12, "call": '[check_vaccinations(country="Kenya")]',
     "result": "Result: [\"yellow fever\", \"hepatitis A\", \"typhoid\"]",
     "says": ["yellow fever", "hepatitis A", "typhoid"]},
    {"case": 13, "call": '{"name": "preheat_oven", "parameters": {"temperature_c": 200, "mode": "fan"}}',
     "result": "preheat_oven returned: {\"ready_in_minutes\": 11}", "says": ["11"]},
    {"case": 15, "call": '{"name": "track_order", "parameters": {"order_ref": "KX-20931"}}',
     "result": "Result: {\"status\": \"out for delivery\", \"eta\": \"16:00\"}",
     "says": ["out for delivery", "16:00"]},
    {"case": 6, "call": '[make_qr_code(url="https://menu.casarosa.example/lunch", size_px=500)]',
     "result": "Result: {\"file\": \"qr_lunch.png\"}", "says": ["qr_lunch.png"]},
]
for _case in RESULT_CASES_H:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_H[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]

# --------------------------------------------------------------------------- development set "dev3"
# Written for this benchmark by a session that did not read the practice server's code; studied while
# the practice server was worked on (seen).

# --------------------------------------------------------------------------- JSON extraction

JSON_CASES_J = [
    # schools
    {"prompt": "Extract as JSON: student, school, days_absent, parent_email.\n\n"
               "Attendance note: Mateo Alvarez at Riverside Academy has been absent for 4 days this term. "
               "Contact his mother at l.alvarez@postbox.example.",
     "expect": {"student": "Mateo Alvarez", "school": "Riverside Academy", "days_absent": 4,
                "parent_email": "l.alvarez@postbox.example"}},
    {"prompt": "I need the trip's destination, the number of pupils going, the cost per pupil and whether they "
               "need a packed lunch. Please answer in JSON using the keys destination, pupils, cost_per_pupil and "
               "packed_lunch.\n\nDear parents, on Friday Class 5B will visit Kew Gardens. 28 pupils are going and "
               "the trip costs 12.50 per child. Please send your child in with a packed lunch.",
     "expect": {"destination": "Kew Gardens", "pupils": 28, "cost_per_pupil": 12.5, "packed_lunch": True}},
    # restaurants
    {"prompt": "Read this review and return JSON with keys restaurant, dish, rating (1-5) and would_return "
               "(true/false).\n\nReview: Had dinner at Osteria Ventana last night. The duck ragu was dry and the "
               "service painfully slow. Two stars. Won't be going back.",
     "expect": {"restaurant": "Osteria Ventana", "dish": "duck ragu", "rating": 2, "would_return": False}},
    {"prompt": "Respond with JSON shaped like {\"name\": \"Ana Lima\", \"party_size\": 2, \"time\": \"18:00\", "
               "\"outdoor\": false}.\n\nVoicemail transcript: Hi, it's Declan Murphy. Could I book a table for six "
               "at 20:15 tonight? We'd love to sit outside on the terrace.",
     "expect": {"name": "Declan Murphy", "party_size": 6, "time": "20:15", "outdoor": True}},
    # cruises
    {"prompt": "Fill in this schema from the booking confirmation. Output JSON only.\n\n"
               + _schema({"ship": {"type": "string"}, "departure_port": {"type": "string"},
                          "departure_date": {"type": "string", "description": "YYYY-MM-DD"},
                          "nights": {"type": "integer"},
                          "cabin_type": {"type": "string", "enum": ["inside", "oceanview", "balcony", "suite"]}},
                         ["ship", "departure_port", "departure_date", "nights", "cabin_type"])
               + "\n\nBOOKING CONFIRMED\nShip: Aurora Serenade\nSails from: Southampton, 9 May 2026\n"
                 "Duration: 7 nights\nCabin: 9214 (balcony stateroom)",
     "expect": {"ship": "Aurora Serenade", "departure_port": "Southampton", "departure_date": "2026-05-09",
                "nights": 7, "cabin_type": "balcony"}},
    # fitness trackers
    {"prompt": "Convert this tracker log line to JSON with keys device_id, steps, distance_km, avg_heart_rate and "
               "goal_met.\nLOG 2025-07-14 device=FT-2290 steps=11842 distance=8.6km hr_avg=96bpm daily_goal=10000",
     "expect": {"device_id": "FT-2290", "steps": 11842, "distance_km": 8.6, "avg_heart_rate": 96,
                "goal_met": True}},
    {"prompt": "Return JSON: activity, duration_minutes, calories, with_friend (true/false).\n"
               "Chat message: just back from forty-five minutes of swimming, watch says 380 kcal burned. "
               "went on my own today",
     "expect": {"activity": "swimming", "duration_minutes": 45, "calories": 380, "with_friend": False}},
    # banking
    {"prompt": "Give me JSON with the keys merchant, amount, currency and isDebit.\n"
               "Alert: Your card was charged 64.30 GBP at Harbour Books. If this wasn't you, call us.",
     "expect": {"merchant": "Harbour Books", "amount": 64.3, "currency": "GBP", "isDebit": True}},
    {"prompt": "Extract the application into this JSON schema:\n"
               + _schema({"applicant": {"type": "string"}, "loan_amount": {"type": "number"},
                          "currency": {"type": "string"}, "term_months": {"type": "integer"},
                          "employed": {"type": "boolean"}})
               + "\n\nApplication notes: Siobhan Kelly is applying for a loan of 15,000 EUR over 48 months to "
                 "renovate her kitchen. She works full-time as a nurse at St Colm's Hospital.",
     "expect": {"applicant": "Siobhan Kelly", "loan_amount": 15000, "currency": "EUR", "term_months": 48,
                "employed": True}},
    # property sales
    {"prompt": "From this listing, produce JSON with street, town, price, bedrooms and garden (true/false).\n\n"
               "FOR SALE - 14 Orchard Close, Whitby. Three-bedroom semi-detached house, asking price 285,000 GBP. "
               "South-facing rear garden and single garage. Contact Harriet Cole at Cole & Byrne Estates.",
     "expect": {"street": "14 Orchard Close", "town": "Whitby", "price": 285000, "bedrooms": 3, "garden": True}},
    {"prompt": "Summarise this offer as JSON (keys: buyer, offer_amount, property_ref, chain_free, "
               "mortgage_needed).\n\nHello, my name is Owen Achterberg and I'd like to offer 412,500 for property "
               "ref PS-88310. I'm a first-time buyer so there's no chain, and I'll be paying entirely in cash.",
     "expect": {"buyer": "Owen Achterberg", "offer_amount": 412500, "property_ref": "PS-88310", "chain_free": True,
                "mortgage_needed": False}},
    # weather stations
    {"prompt": "Parse the station reading to JSON with keys station_id, time, temperature_c, wind_kmh and "
               "wind_direction.\nWS-NORTHPOINT 06:00 temp=4.2C wind=31km/h dir=NW precip=0.8mm",
     "expect": {"station_id": "WS-NORTHPOINT", "time": "06:00", "temperature_c": 4.2, "wind_kmh": 31,
                "wind_direction": "NW"}},
    {"prompt": "Turn this maintenance note into JSON. Keys: station, technician, battery_level (low, medium or "
               "high), needs_revisit (true/false).\n\nStation: Glenmore Ridge\nTechnician: Priya Nair\n"
               "Notes: anemometer cups cracked, replaced them. Battery down to 12%, need to come back next week "
               "with a new pack.",
     "expect": {"station": "Glenmore Ridge", "technician": "Priya Nair", "battery_level": "low",
                "needs_revisit": True}},
    # sports leagues
    {"prompt": "json please, with keys home_team, away_team, home_score, away_score, venue\n"
               "Saturday's result: Harbour City Rovers 2-3 Eastfield United at Millbank Park.",
     "expect": {"home_team": "Harbour City Rovers", "away_team": "Eastfield United", "home_score": 2,
                "away_score": 3, "venue": "Millbank Park"}},
    {"prompt": "Return the registration as JSON with player, age, team, position (goalkeeper, defender, "
               "midfielder or forward) and paid (true/false).\n\nRegistration form\nPlayer: Amara Eze\n"
               "Age: eleven\nTeam: Under-12 Falcons\nPosition: plays in goal\nFee: paid in full",
     "expect": {"player": "Amara Eze", "age": 11, "team": "Under-12 Falcons", "position": "goalkeeper",
                "paid": True}},
    # software releases
    {"prompt": "Extract from these release notes a JSON object with package, version, release_date (YYYY-MM-DD), "
               "breaking_changes (true/false) and min_python (as a string).\n\n"
               "lumenkit 3.0.0 - released 2025-11-20\n"
               "- Dropped support for Python 3.8; now requires Python 3.10 or newer\n"
               "- Renamed Config.load() to Config.from_file() (breaking)\n- Faster startup",
     "expect": {"package": "lumenkit", "version": "3.0.0", "release_date": "2025-11-20", "breaking_changes": True,
                "min_python": "3.10"}},
    {"prompt": "quick one: can you turn this into json with keys component, build, environment, platform, hotfix\n\n"
               "\"Pushed build 5521 of billing-service to staging on Linux - it's the hotfix for the rounding bug.\"",
     "expect": {"component": "billing-service", "build": 5521, "environment": "staging", "platform": "Linux",
                "hotfix": True}},
    # hospitals
    {"prompt": "Schema:\n"
               + _schema({"patient": {"type": "string"}, "age": {"type": "integer"},
                          "triage_category": {"type": "string", "enum": ["low", "medium", "high"]},
                          "arrived_by_ambulance": {"type": "boolean"}, "symptom": {"type": "string"}})
               + "\nTriage note: Rafael Costa, 67, brought in by ambulance with chest pain radiating to the left "
                 "arm. Triage category: high.\nReturn only the JSON.",
     "expect": {"patient": "Rafael Costa", "age": 67, "triage_category": "high", "arrived_by_ambulance": True}},
    {"prompt": "Please give JSON with keys patient_name, hospital, admission_date, discharge_date, "
               "follow_up_weeks.\n\nDischarge summary: Ingrid Halvorsen was admitted to St Brigid's Hospital on "
               "2025-02-11 and discharged home on 2025-02-16. Follow-up appointment in the outpatient clinic in "
               "six weeks.",
     "expect": {"patient_name": "Ingrid Halvorsen", "hospital": "St Brigid's Hospital",
                "admission_date": "2025-02-11", "discharge_date": "2025-02-16", "follow_up_weeks": 6}},
    # hardware stores
    {"prompt": "Phone note to JSON please - keys customer, quantity, unit_price, in_stock, delivery.\n"
               "Phone note: Bill Okafor wants 3 boxes of 5x50mm wood screws at 4.75 a box. Currently out of "
               "stock, back in on Tuesday. He'll collect from the store.",
     "expect": {"customer": "Bill Okafor", "quantity": 3, "unit_price": 4.75, "in_stock": False,
                "delivery": False}},
    {"prompt": "Fill this JSON from the product listing and return it: {\"brand\": \"\", \"model\": \"\", "
               "\"max_length_m\": 0, \"weight_kg\": 0}\nListing: Werner aluminium extension ladder, model D1228. "
               "Extends to 7.2 m, weighs 14.5 kg.",
     "expect": {"brand": "Werner", "model": "D1228", "max_length_m": 7.2, "weight_kg": 14.5}},
    # art galleries
    {"prompt": "Return JSON with keys exhibition, artist, opening_date, free_entry, website.\n\n"
               "The Linden Gallery presents \"Salt and Iron\", new sculptures by Tove Aaland, from 2026-03-06 to "
               "2026-05-31. Admission is free. More at www.lindengallery.example",
     "expect": {"exhibition": "Salt and Iron", "artist": "Tove Aaland", "opening_date": "2026-03-06",
                "free_entry": True, "website": "www.lindengallery.example"}},
    {"prompt": "Use the schema below and output JSON only.\n"
               + _schema({"title": {"type": "string"}, "artist": {"type": "string"},
                          "medium": {"type": "string",
                                     "enum": ["oil", "acrylic", "watercolour", "photography", "sculpture"]},
                          "price": {"type": "number"}, "sold": {"type": "boolean"}})
               + "\nAuction lot 18: \"Harbour at Dusk\" by Emeka Obi, oil on canvas, 90 x 120 cm. Hammer price "
                 "8,200 EUR - sold to a telephone bidder.",
     "expect": {"title": "Harbour at Dusk", "artist": "Emeka Obi", "medium": "oil", "price": 8200, "sold": True}},
    # coffee roasters
    {"prompt": "Make a JSON object with origin, roast (light, medium or dark), weight_g and price from this bag "
               "label:\nKETTLEBROOK ROASTERS - Guji Natural\nOrigin: Ethiopia\nRoasted light for filter\n"
               "250 g | 13.90 EUR\nTasting notes: apricot, jasmine, honey",
     "expect": {"origin": "Ethiopia", "roast": "light", "weight_g": 250, "price": 13.9}},
    {"prompt": "Output JSON only, keys: cafe, contact, kilos, grind, delivery_date (YYYY-MM-DD).\n\n"
               "Hi Kettlebrook, Lucia here from Bluebird Cafe. Can we get twelve kilos of the house espresso "
               "blend, whole bean, delivered on 2025-10-03? Thanks!",
     "expect": {"cafe": "Bluebird Cafe", "contact": "Lucia", "kilos": 12, "grind": "whole bean",
                "delivery_date": "2025-10-03"}},
    # taxis
    {"prompt": "Create JSON with pickup, dropoff, pickup_time, passengers, phone.\n"
               "SMS: need a cab from 9 Tanner Street to Leeds Bradford Airport at 07:40, 2 of us. "
               "call 07700 900417 when outside",
     "expect": {"pickup": "9 Tanner Street", "dropoff": "Leeds Bradford Airport", "pickup_time": "07:40",
                "passengers": 2, "phone": "07700 900417"}},
    {"prompt": "From the receipt, return JSON: driver, distance_km, fare, tip, payment_method (cash or card).\n"
               "Taxi receipt - Driver: Yusuf Demir, cab 3317. Distance 14.2 km. Fare 31.60, tip 4.00. "
               "Paid by card.",
     "expect": {"driver": "Yusuf Demir", "distance_km": 14.2, "fare": 31.6, "tip": 4.0, "payment_method": "card"}},
    # passports
    {"prompt": "Extract the passport application fields into JSON: surname, given_names, date_of_birth "
               "(YYYY-MM-DD), place_of_birth, renewal (true/false).\n\nSurname: Okonkwo\nGiven names: Chidi "
               "Emmanuel\nDate of birth: 23/04/1988\nPlace of birth: Enugu\nPrevious passport: P4410932 (expired) "
               "- applying to renew",
     "expect": {"surname": "Okonkwo", "given_names": "Chidi Emmanuel", "date_of_birth": "1988-04-23",
                "place_of_birth": "Enugu", "renewal": True}},
    {"prompt": "Schema:\n"
               + _schema({"application_ref": {"type": "string"},
                          "status": {"type": "string", "enum": ["received", "processing", "approved", "dispatched"]},
                          "working_days": {"type": "integer"}, "fast_track": {"type": "boolean"}})
               + "\nEmail: Your passport application PA-552071 is being processed. You applied for the standard "
                 "service, so please allow up to 10 working days.\nJSON:",
     "expect": {"application_ref": "PA-552071", "status": "processing", "working_days": 10, "fast_track": False}},
    # camping
    {"prompt": "Booking details as JSON, please: campsite, nights, electric_hookup, dogs_allowed.\n"
               "Confirmation: Pitch 14 at Fernbrook Campsite for three nights, electric hook-up included. Sorry, "
               "dogs are not permitted on this field.",
     "expect": {"campsite": "Fernbrook Campsite", "nights": 3, "electric_hookup": True, "dogs_allowed": False}},
    {"prompt": "Give me JSON with the keys tent, sleeping_bag_rating_c, stove_fuel and people.\n"
               "Packing list for the four of us: Vango Hydra 4 tent, sleeping bags rated to -5 C, gas stove and "
               "two cartridges.",
     "expect": {"tent": "Vango Hydra 4", "sleeping_bag_rating_c": -5, "stove_fuel": "gas", "people": 4}},
    # streaming services
    {"prompt": "Extract JSON with keys service, plan, price, currency, renewal_date.\n"
               "Hi Jonah, your Flicker+ subscription (Premium plan) renews on 2025-12-01. You'll be charged "
               "15.99 USD.",
     "expect": {"service": "Flicker+", "plan": "Premium", "price": 15.99, "currency": "USD",
                "renewal_date": "2025-12-01"}},
    {"prompt": "Give me a JSON object with title, season, episode and device from this message.\n"
               "\"Hi, Glass Harbour keeps freezing on season 2, episode 5. It happens on my Roku every time.\"",
     "expect": {"title": "Glass Harbour", "season": 2, "episode": 5, "device": "Roku"}},
    # elections
    {"prompt": "Return the result as JSON: constituency, winner, party, votes, turnout_percent.\n"
               "North Wensley: Fatima Rahimi (Green) elected with 18,204 votes. Turnout 61.4%.",
     "expect": {"constituency": "North Wensley", "winner": "Fatima Rahimi", "party": "Green", "votes": 18204,
                "turnout_percent": 61.4}},
    {"prompt": "For the polling card below I want the voter's name, the polling station, the date of the poll and "
               "whether they vote by post, in json (name, polling_station, election_date, postal_vote).\n\n"
               "POLL CARD\nElector: Maeve Donnelly\nPolling station: Greer Road Community Hall\n"
               "Date of poll: 2026-05-07\nYou have not registered for a postal vote.",
     "expect": {"name": "Maeve Donnelly", "polling_station": "Greer Road Community Hall",
                "election_date": "2026-05-07", "postal_vote": False}},
    # recipes
    {"prompt": "Return JSON like {\"recipe\": \"Pea soup\", \"servings\": 2, \"oven_c\": 0, \"gluten_free\": false}."
               "\nCard: Almond orange cake - serves eight, bake at 170 C for 50 min. Made with ground almonds "
               "instead of flour, so it's gluten-free.",
     "expect": {"recipe": "Almond orange cake", "servings": 8, "oven_c": 170, "gluten_free": True}},
    # warehouses
    {"prompt": "Turn this warehouse log entry into JSON with sku, bin, quantity, damaged (true/false) and "
               "received_by.\n\n2025-09-08 10:22 INBOUND sku=WH-55120 bin=A-14-03 qty=240 condition=OK "
               "signed=K. Adeyemi",
     "expect": {"sku": "WH-55120", "bin": "A-14-03", "quantity": 240, "damaged": False,
                "received_by": "K. Adeyemi"}},
    {"prompt": "Read the dispatch note and output JSON that follows this schema:\n"
               + _schema({"customer": {"type": "string"}, "pallets": {"type": "integer"},
                          "weight_kg": {"type": "number"}, "carrier": {"type": "string"},
                          "fragile": {"type": "boolean"}})
               + "\n\nDispatch note: 6 pallets for Meyer Retail, total weight 3,150 kg, collected by Baltic "
                 "Freight. Contents: glassware - handle with care.",
     "expect": {"customer": "Meyer Retail", "pallets": 6, "weight_kg": 3150, "carrier": "Baltic Freight",
                "fragile": True}},
    # customs declarations
    {"prompt": "Extract the customs declaration into JSON: sender_country, item_count, value, currency, gift.\n"
               "CN22 | Sender: M. Tremblay, Quebec City, Canada | Gift: yes | Contents: 2 wool scarves | "
               "Value: 45.00 CAD",
     "expect": {"sender_country": "Canada", "item_count": 2, "value": 45.0, "currency": "CAD", "gift": True}},
    {"prompt": "As JSON (keys traveller, flight, arrival_airport, cash_over_limit, goods_to_declare):\n"
               "Declaration form - Traveller: Hoang Minh Chau. Flight VN31, arriving at Frankfurt. I am carrying "
               "less than 10,000 EUR in cash. Nothing to declare.",
     "expect": {"traveller": "Hoang Minh Chau", "flight": "VN31", "arrival_airport": "Frankfurt",
                "cash_over_limit": False, "goods_to_declare": False}},
]

# --------------------------------------------------------------------------- choosing and filling a call

ABSENCE_J = _fn("report_absence", "Report a pupil's absence from school to the attendance office",
                {"student_name": {"type": "string"},
                 "reason": {"type": "string", "enum": ["illness", "appointment", "family", "other"]},
                 "date": {"type": "string", "description": "YYYY-MM-DD"}},
                ["student_name", "reason"])
TIMETABLE_J = _fn("lookup_timetable", "Look up a school class's lessons for a day of the week",
                  {"class_name": {"type": "string", "description": "e.g. 7A"},
                   "day": {"type": "string", "enum": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]}},
                  ["class_name", "day"])
WAITLIST_J = _fn("join_waitlist", "Add a party to a restaurant's waiting list for the next free table",
                 {"restaurant": {"type": "string"}, "party_size": {"type": "integer"},
                  "phone": {"type": "string", "description": "number to text when the table is ready"}},
                 ["restaurant", "party_size"])
MENU_J = _fn("search_menu", "List a restaurant's dishes that suit a dietary need",
             {"restaurant": {"type": "string"},
              "dietary": {"type": "string", "enum": ["vegan", "vegetarian", "gluten-free", "halal"]}},
             ["restaurant", "dietary"])
CRUISES_J = _fn("search_cruises", "Search cruise holidays by region and length",
                {"region": {"type": "string",
                            "enum": ["Caribbean", "Mediterranean", "Norwegian fjords", "Alaska"]},
                 "nights": {"type": "integer"}, "month": {"type": "string", "description": "e.g. June"}},
                ["region"])
EXCURSION_J = _fn("book_shore_excursion", "Book places on a cruise shore excursion",
                  {"excursion_code": {"type": "string"}, "guests": {"type": "integer"}},
                  ["excursion_code", "guests"])
STEP_GOAL_J = _fn("set_step_goal", "Set the daily step goal on the fitness tracker",
                  {"steps": {"type": "integer"}}, ["steps"])
SLEEP_J = _fn("get_sleep_summary", "Get the fitness tracker's sleep summary for a night",
              {"date": {"type": "string", "description": "YYYY-MM-DD"}}, ["date"])
FREEZE_J = _fn("freeze_card", "Block a bank card so no further payments can be made with it",
               {"card_last_four": {"type": "string", "description": "last four digits of the card"},
                "reason": {"type": "string", "enum": ["lost", "stolen", "suspicious activity"]}},
               ["card_last_four", "reason"])
BALANCE_J = _fn("get_account_balance", "Get the balance of one of the user's bank accounts",
                {"account": {"type": "string", "enum": ["current", "savings"]}}, ["account"])
VALUATION_J = _fn("estimate_property_value", "Estimate the sale value of a home",
                  {"postcode": {"type": "string"}, "bedrooms": {"type": "integer"},
                   "property_type": {"type": "string",
                                     "enum": ["flat", "terraced", "semi-detached", "detached"]}},
                  ["postcode", "bedrooms", "property_type"])
VIEWING_J = _fn("book_viewing", "Book a viewing of a property that is for sale",
                {"listing_id": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                 "time": {"type": "string", "description": "HH:MM"}},
                ["listing_id", "date"])
STATION_J = _fn("get_station_reading", "Get the latest reading of one measurement from a weather station",
                {"station_id": {"type": "string"},
                 "metric": {"type": "string", "enum": ["temperature", "wind", "rainfall", "humidity"]}},
                ["station_id", "metric"])
TABLE_J = _fn("get_league_table", "Get the current standings of a sports league",
              {"league": {"type": "string"}, "season": {"type": "string", "description": "e.g. 2024/25"}},
              ["league"])
FIXTURES_J = _fn("get_fixtures", "List a team's upcoming matches", {"team": {"type": "string"}}, ["team"])
RELEASE_J = _fn("get_latest_release", "Get the latest published version of a software package",
                {"package": {"type": "string"},
                 "channel": {"type": "string", "enum": ["stable", "beta", "nightly"]}},
                ["package"])
ROLLBACK_J = _fn("rollback_deployment", "Roll a deployed service back to an earlier version",
                 {"service": {"type": "string"}, "version": {"type": "string"}}, ["service", "version"])
ER_WAIT_J = _fn("get_emergency_wait", "Get the current emergency department waiting time at a hospital",
                {"hospital": {"type": "string"}}, ["hospital"])
BLOOD_J = _fn("book_blood_test", "Book a blood test appointment at a clinic",
              {"clinic": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
               "fasting": {"type": "boolean", "description": "whether the test must be taken fasting"}},
              ["clinic", "date"])
PAINT_J = _fn("order_paint", "Order paint mixed to a colour at the hardware store",
              {"colour": {"type": "string"}, "litres": {"type": "number"},
               "finish": {"type": "string", "enum": ["matt", "satin", "gloss"]}},
              ["colour", "litres"])
AISLE_J = _fn("find_in_store", "Find which aisle of a hardware store sells a product",
              {"product": {"type": "string"}, "store": {"type": "string"}}, ["product"])
GALLERY_J = _fn("buy_gallery_ticket", "Buy tickets for an art gallery exhibition",
                {"exhibition": {"type": "string"}, "tickets": {"type": "integer"},
                 "concession": {"type": "boolean", "description": "reduced price for students and seniors"}},
                ["exhibition", "tickets"])
ARTWORK_J = _fn("find_artworks", "Find artworks by an artist in the gallery's collection",
                {"artist": {"type": "string"}}, ["artist"])
BEANS_J = _fn("order_beans", "Order bags of coffee beans from the roastery",
              {"blend": {"type": "string"}, "bags": {"type": "integer"},
               "grind": {"type": "string", "enum": ["whole bean", "espresso", "filter", "cafetiere"]}},
              ["blend", "bags"])
CAB_J = _fn("book_cab", "Book a taxi to pick someone up",
            {"pickup": {"type": "string", "description": "pickup address"},
             "time": {"type": "string", "description": "HH:MM"}, "passengers": {"type": "integer"}},
            ["pickup"])
FARE_J = _fn("estimate_taxi_fare", "Estimate the fare of a taxi ride between two places",
             {"pickup": {"type": "string"}, "dropoff": {"type": "string"}}, ["pickup", "dropoff"])
PASSPORT_J = _fn("check_passport_status", "Check the progress of a passport application",
                 {"application_ref": {"type": "string"}}, ["application_ref"])
PASSPORT_OFFICE_J = _fn("find_passport_office", "Find a passport office in a city",
                        {"city": {"type": "string"}, "fast_track": {"type": "boolean"}}, ["city"])
CAMPSITE_J = _fn("reserve_campsite", "Reserve a pitch at a campsite",
                 {"park": {"type": "string"}, "nights": {"type": "integer"},
                  "pitch_type": {"type": "string", "enum": ["tent", "campervan", "cabin"]}},
                 ["park", "nights"])
FIRE_BAN_J = _fn("get_fire_ban_status", "Check whether campfires are currently banned in a region",
                 {"region": {"type": "string"}}, ["region"])
WATCHLIST_J = _fn("add_to_watchlist", "Add a film or series to the user's streaming watchlist",
                  {"title": {"type": "string"},
                   "service": {"type": "string", "enum": ["Flicker+", "StreamBox", "Vidora"]}},
                  ["title"])
QUALITY_J = _fn("set_playback_quality", "Set the streaming video quality",
                {"quality": {"type": "string", "enum": ["SD", "HD", "4K"]}}, ["quality"])
POLLING_J = _fn("find_polling_station", "Find the polling station for a voter's address",
                {"postcode": {"type": "string"}}, ["postcode"])
RESULTS_J = _fn("get_election_results", "Get the result of an election in a constituency",
                {"constituency": {"type": "string"}, "year": {"type": "integer"}}, ["constituency"])
SCALE_J = _fn("scale_recipe", "Rescale a saved recipe's ingredient amounts to a number of servings",
              {"recipe": {"type": "string"}, "servings": {"type": "integer"}}, ["recipe", "servings"])
SUBSTITUTE_J = _fn("suggest_substitute", "Suggest a replacement for an ingredient",
                   {"ingredient": {"type": "string"}}, ["ingredient"])
STOCK_COUNT_J = _fn("count_stock", "Count the units of a SKU held in a warehouse",
                    {"sku": {"type": "string"},
                     "warehouse": {"type": "string", "enum": ["Rotterdam", "Leeds", "Lodz"]}},
                    ["sku"])
PICK_J = _fn("create_pick_list", "Create a warehouse pick list for a customer order",
             {"order_id": {"type": "string"},
              "priority": {"type": "boolean", "description": "true to pick it ahead of other orders"}},
             ["order_id"])
DUTY_J = _fn("calculate_import_duty", "Calculate the import duty and tax due on goods brought into the country",
             {"item_value": {"type": "number"}, "currency": {"type": "string", "description": "ISO code"},
              "category": {"type": "string", "enum": ["electronics", "clothing", "food", "books"]}},
             ["item_value", "currency", "category"])
PROHIBITED_J = _fn("check_prohibited_item", "Check whether an item may be brought into a country",
                   {"item": {"type": "string"}, "country": {"type": "string"}}, ["item", "country"])

CALL_CASES_J = [
    {"functions": [ABSENCE_J, TIMETABLE_J], "format": "python",
     "question": "My son Leo Marsh is off sick, please log his absence.",
     "expect": ("report_absence", {"student_name": "Leo Marsh", "reason": "illness"})},
    {"functions": [WAITLIST_J, MENU_J], "format": "json",
     "question": "Could you put us on the waiting list at Mirabel Kitchen? There are five of us.",
     "expect": ("join_waitlist", {"restaurant": "Mirabel Kitchen", "party_size": 5})},
    {"functions": [CRUISES_J, EXCURSION_J], "format": "python",
     "question": "I'd like to see 10-night cruises in the Mediterranean.",
     "expect": ("search_cruises", {"region": "Mediterranean", "nights": 10})},
    {"functions": [STEP_GOAL_J, SLEEP_J], "format": "json",
     "question": "Change my daily step target to 12,000.",
     "expect": ("set_step_goal", {"steps": 12000})},
    {"functions": [CRUISES_J, FREEZE_J], "format": "python",
     "question": "What's the difference between port and starboard on a ship?",
     "expect": None},
    {"functions": [FREEZE_J, BALANCE_J], "format": "json",
     "question": "I think my card ending 4471 has been stolen - block it now!",
     "expect": ("freeze_card", {"card_last_four": "4471", "reason": "stolen"})},
    {"functions": [VALUATION_J, VIEWING_J], "format": "python",
     "question": "What would a 3-bed semi-detached house in LS6 2AB sell for?",
     "expect": ("estimate_property_value", {"postcode": "LS6 2AB", "bedrooms": 3,
                                            "property_type": "semi-detached"})},
    {"functions": [VIEWING_J, VALUATION_J, BALANCE_J], "format": "json",
     "question": "Arrange for me to see listing HX-40912 on 2026-01-17 at 11:00.",
     "expect": ("book_viewing", {"listing_id": "HX-40912", "date": "2026-01-17", "time": "11:00"})},
    {"functions": [STATION_J, TABLE_J], "format": "python",
     "question": "How windy is it at station WX-118 right now?",
     "expect": ("get_station_reading", {"station_id": "WX-118", "metric": "wind"})},
    {"functions": [TABLE_J, FIXTURES_J], "format": "json",
     "question": "Show me the Northern Premier League standings.",
     "expect": ("get_league_table", {"league": "Northern Premier League"})},
    {"functions": [RELEASE_J, ROLLBACK_J], "format": "python",
     "question": "What's the newest beta of quillstream?",
     "expect": ("get_latest_release", {"package": "quillstream", "channel": "beta"})},
    {"functions": [ROLLBACK_J, RELEASE_J], "format": "json",
     "question": "The checkout-api deploy broke everything, take it back to 2.14.3.",
     "expect": ("rollback_deployment", {"service": "checkout-api", "version": "2.14.3"})},
    {"functions": [BEANS_J, SCALE_J], "format": "json",
     "question": "Write a haiku about autumn rain.",
     "expect": None},
    {"functions": [ER_WAIT_J, BLOOD_J], "format": "python",
     "question": "How long is the wait in A&E at Royal Linford Hospital at the moment?",
     "expect": ("get_emergency_wait", {"hospital": "Royal Linford Hospital"})},
    {"functions": [BLOOD_J, ER_WAIT_J], "format": "json",
     "question": "I need a fasting blood test at Eastgate Clinic on 2025-11-04.",
     "expect": ("book_blood_test", {"clinic": "Eastgate Clinic", "date": "2025-11-04", "fasting": True})},
    {"functions": [PAINT_J, AISLE_J], "format": "python",
     "question": "Mix me 2.5 litres of Sage Green in satin.",
     "expect": ("order_paint", {"colour": "Sage Green", "litres": 2.5, "finish": "satin"})},
    {"functions": [GALLERY_J, ARTWORK_J], "format": "json",
     "question": "Two concession tickets for Salt and Iron, please.",
     "expect": ("buy_gallery_ticket", {"exhibition": "Salt and Iron", "tickets": 2, "concession": True})},
    {"functions": [BEANS_J, PAINT_J], "format": "python",
     "question": "Send me three bags of Night Owl, ground for espresso.",
     "expect": ("order_beans", {"blend": "Night Owl", "bags": 3, "grind": "espresso"})},
    {"functions": [CAB_J, FARE_J], "format": "json",
     "question": "Get me a taxi from 22 Quay Street at 18:45 for 3 people.",
     "expect": ("book_cab", {"pickup": "22 Quay Street", "time": "18:45", "passengers": 3})},
    {"functions": [PASSPORT_J, PASSPORT_OFFICE_J], "format": "python",
     "question": "Could you check where my passport application PA-771204 has got to?",
     "expect": ("check_passport_status", {"application_ref": "PA-771204"})},
    {"functions": [STATION_J, RESULTS_J, FIXTURES_J], "format": "python",
     "question": "How many players are on a volleyball team?",
     "expect": None},
    {"functions": [CAMPSITE_J, FIRE_BAN_J], "format": "json",
     "question": "Reserve a campervan pitch at Loch Arrin Park for 4 nights.",
     "expect": ("reserve_campsite", {"park": "Loch Arrin Park", "nights": 4, "pitch_type": "campervan"})},
    {"functions": [WATCHLIST_J, QUALITY_J], "format": "python",
     "question": "Save Glass Harbour to my watchlist so I don't forget it.",
     "expect": ("add_to_watchlist", {"title": "Glass Harbour"})},
    {"functions": [POLLING_J, RESULTS_J], "format": "json",
     "question": "Where do I go to vote? My postcode is BT7 1NN.",
     "expect": ("find_polling_station", {"postcode": "BT7 1NN"})},
    {"functions": [SCALE_J, SUBSTITUTE_J], "format": "python",
     "question": "Scale my lasagne recipe up to 10 servings.",
     "expect": ("scale_recipe", {"recipe": "lasagne", "servings": 10})},
    {"functions": [STOCK_COUNT_J, PICK_J], "format": "json",
     "question": "How many units of WH-55120 do we have in the Rotterdam warehouse?",
     "expect": ("count_stock", {"sku": "WH-55120", "warehouse": "Rotterdam"})},
    {"functions": [PICK_J, STOCK_COUNT_J], "format": "python",
     "question": "Create a pick list for order SO-90317 - it's urgent.",
     "expect": ("create_pick_list", {"order_id": "SO-90317", "priority": True})},
    {"functions": [DUTY_J, PROHIBITED_J], "format": "json",
     "question": "What duty would I pay on a laptop worth 420 USD?",
     "expect": ("calculate_import_duty", {"item_value": 420, "currency": "USD", "category": "electronics"})},
    {"functions": [VIEWING_J, PASSPORT_J, WATCHLIST_J], "format": "json",
     "question": "Explain what a mortgage is in one sentence.",
     "expect": None},
    {"functions": [PROHIBITED_J, DUTY_J], "format": "python",
     "question": "Am I allowed to bring cured ham into Australia?",
     "expect": ("check_prohibited_item", {"item": "cured ham", "country": "Australia"})},
]
for _case in CALL_CASES_J:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

# --------------------------------------------------------------------------- using a result

RESULT_CASES_J = [
    {"case": 2, "call": '[search_cruises(region="Mediterranean", nights=10)]',
     "result": "Result: [{\"ship\": \"Celestia Bay\", \"departs\": \"2026-06-14\", \"from_price_eur\": 1290}, "
               "{\"ship\": \"Marisol Star\", \"departs\": \"2026-07-02\", \"from_price_eur\": 1545}]",
     "says": ["Celestia Bay", "Marisol Star"]},
    {"case": 5, "call": '{"name": "freeze_card", "parameters": {"card_last_four": "4471", "reason": "stolen"}}',
     "result": "Function output: {\"frozen\": true, \"case_id\": \"FR-20931\", \"replacement_arrives_in_days\": 3}",
     "says": ["FR-20931", "3"]},
    {"case": 6, "call": '[estimate_property_value(postcode="LS6 2AB", bedrooms=3, property_type="semi-detached")]',
     "result": "{\"estimate\": \"£318k to £342k\", \"confidence\": \"medium\"}",
     "says": ["£318k", "£342k"]},
    {"case": 10, "call": '[get_latest_release(package="quillstream", channel="beta")]',
     "result": "Output: {\"version\": \"4.0.0b3\", \"released\": \"2025-10-29\"}",
     "says": ["4.0.0b3"]},
    {"case": 13, "call": '[get_emergency_wait(hospital="Royal Linford Hospital")]',
     "result": "Result: {\"wait_minutes\": 95, \"patients_waiting\": 23}",
     "says": ["95", "23"]},
    {"case": 14, "call": '{"name": "book_blood_test", "parameters": {"clinic": "Eastgate Clinic", '
                         '"date": "2025-11-04", "fasting": true}}',
     "result": "book_blood_test returned: {\"booking_ref\": \"BT-66102\", \"time\": \"08:10\", "
               "\"note\": \"no food after midnight\"}",
     "says": ["BT-66102", "08:10"]},
    {"case": 17, "call": '[order_beans(blend="Night Owl", bags=3, grind="espresso")]',
     "result": "[\"order KB-3391 confirmed\", \"ships Monday\"]",
     "says": ["KB-3391", "Monday"]},
    {"case": 19, "call": '[check_passport_status(application_ref="PA-771204")]',
     "result": "Function response: {\"status\": \"printed\", \"courier\": \"SwiftPost\"}",
     "says": ["printed", "SwiftPost"]},
    {"case": 23, "call": '{"name": "find_polling_station", "parameters": {"postcode": "BT7 1NN"}}',
     "result": "Here is the result: {\"station\": \"Ormeau Road Library\", \"opens\": \"07:00\", "
               "\"closes\": \"22:00\"}",
     "says": ["Ormeau Road Library", "07:00", "22:00"]},
    {"case": 27, "call": '{"name": "calculate_import_duty", "parameters": {"item_value": 420, "currency": "USD", '
                         '"category": "electronics"}}',
     "result": "Tool result: {\"duty\": 0.0, \"vat\": 84.42, \"total_due\": 84.42, \"currency\": \"USD\"}",
     "says": ["84.42"]},
]
for _case in RESULT_CASES_J:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_J[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]


# --------------------------------------------------------------------------- development set "dev4"
# Written for this benchmark by a session that did not read the practice server's code; studied while
# the practice server was worked on (seen).

# --------------------------------------------------------------------------- JSON extraction

JSON_CASES_K = [
    # florists
    {"prompt": "Extract the order as JSON with the keys customer, flower, colour, stems and delivery_date "
               "(YYYY-MM-DD).\n\nOrder from Harriet Quayle: 18 peach ranunculus, hand-tied, delivered on "
               "14 June 2025 please. Card: 'Happy 60th, Mum!'",
     "expect": {"customer": "Harriet Quayle", "flower": "ranunculus", "colour": "peach", "stems": 18,
                "delivery_date": "2025-06-14"}},
    {"prompt": "I need a JSON object where shop is the florist's name, plan is the name of the subscription, "
               "price is the weekly price as a number and vase_included says whether a vase comes with the "
               "first delivery.\n\nPetal & Stem - Weekly Blooms subscription, 24.00 GBP per week. Your first "
               "delivery arrives with a free glass vase.",
     "expect": {"shop": "Petal & Stem", "plan": "Weekly Blooms", "price": 24, "vase_included": True}},
    # laundries
    {"prompt": "Parse this log line into JSON: machine_id, cycle, temperature_c, minutes_left\n\n"
               "2025-03-08 09:41:12 WASHER W-07 cycle=delicates temp=30C remaining=42min status=RUNNING",
     "expect": {"machine_id": "W-07", "cycle": "delicates", "temperature_c": 30, "minutes_left": 42}},
    {"prompt": "Output JSON only. Keys: ticket, shirts, coats, express, ready_day.\n\n"
               "Dry cleaning ticket DC-4471 - 3 shirts, 1 wool coat. Standard service, ready Thursday "
               "after 5pm.",
     "expect": {"ticket": "DC-4471", "shirts": 3, "coats": 1, "express": False, "ready_day": "Thursday"}},
    # universities
    {"prompt": "Read this offer letter and give me student, programme, start_date (YYYY-MM-DD) and "
               "scholarship (true/false) as JSON.\n\nDear Ngozi Eze,\nWe are delighted to offer you a place "
               "on the MSc Marine Biology programme at the University of Plymouth, starting on 22 September "
               "2025. We are also pleased to tell you that you have been awarded the Drake Scholarship.\n"
               "Yours sincerely,\nAdmissions Office",
     "expect": {"student": "Ngozi Eze", "programme": "MSc Marine Biology", "start_date": "2025-09-22",
                "scholarship": True}},
    {"prompt": "Fill this schema from the module description and reply with the JSON object only.\n"
               + _schema({"course_code": {"type": "string"}, "title": {"type": "string"},
                          "credits": {"type": "integer"}, "exam": {"type": "boolean",
                                                                   "description": "is there a written exam"}},
                         ["course_code", "title", "credits", "exam"])
               + "\n\nModule: MATH2140 Linear Algebra II is worth 15 credits and is assessed by coursework "
                 "only - there is no exam.",
     "expect": {"course_code": "MATH2140", "title": "Linear Algebra II", "credits": 15, "exam": False}},
    # building permits
    {"prompt": "Extract as JSON: permit_number, applicant, site_address, work_type, approved\n\n"
               "Permit no.: BP-2025-0387\nApplicant: Rafael Costa\nSite: 19 Orchard Way, Kingsbridge\n"
               "Work: single-storey rear extension\nDecision: APPROVED with conditions",
     "expect": {"permit_number": "BP-2025-0387", "applicant": "Rafael Costa",
                "work_type": "single-storey rear extension", "approved": True}},
    {"prompt": "Answer with a JSON object like {\"fee\": 0.0, \"currency\": \"\", \"inspection_required\": false, "
               "\"valid_months\": 0}\n\nThe council wrote: Your permit fee is 412.50 EUR. A site inspection "
               "will be needed before work starts. The permit stays valid for eighteen months.",
     "expect": {"fee": 412.5, "currency": "EUR", "inspection_required": True, "valid_months": 18}},
    # car repairs
    {"prompt": "Turn the garage's message into JSON with keys vehicle, registration, repair, cost and "
               "parts_in_stock.\n\n\"Hi Mr Patel, your Skoda Octavia (reg KM19 XTR) needs new front brake "
               "pads. It comes to 185 pounds including labour. We've got the pads here already, so we can "
               "do it tomorrow morning.\"",
     "expect": {"vehicle": "Skoda Octavia", "registration": "KM19 XTR", "cost": 185, "parts_in_stock": True}},
    # parking
    {"prompt": "Extract these fields from the notice: pcn_number, vehicle_reg, street, full_charge, "
               "reduced_charge. Return JSON.\n\nPENALTY CHARGE NOTICE WX48213097\nVehicle registration: "
               "GF70 LMN\nLocation: Albion Road, outside no. 42\nContravention: parked in a residents' permit "
               "bay\nCharge: 70.00 GBP (reduced to 35.00 GBP if paid within 14 days)",
     "expect": {"pcn_number": "WX48213097", "vehicle_reg": "GF70 LMN", "street": "Albion Road",
                "full_charge": 70, "reduced_charge": 35}},
    {"prompt": "Output JSON only, with name, spaces, hourly_rate, ev_charging and open_24h.\n\n"
               "Castlegate Multi-Storey: 640 spaces, 2.20 per hour, EV chargers on level 3. Opens 06:00, "
               "closes at midnight.",
     "expect": {"name": "Castlegate Multi-Storey", "spaces": 640, "hourly_rate": 2.2, "ev_charging": True,
                "open_24h": False}},
    # vineyards
    {"prompt": "Please convert this booking request to JSON (winery, guests, date, time, include_lunch).\n\n"
               "Hello! We'd like to book the cellar tour and tasting at Domaine Levasseur for 6 guests on "
               "2025-10-04 at 11:30. We'll skip the lunch this time. Merci, Claire",
     "expect": {"winery": "Domaine Levasseur", "guests": 6, "date": "2025-10-04", "time": "11:30",
                "include_lunch": False}},
    {"prompt": "JSON with the keys grapeVariety, hectares, yieldTonnes, organic:\n\nHarvest note - our Riesling "
               "block covers 4.5 hectares and gave 31 tonnes this year. Certified organic since 2019.",
     "expect": {"grapeVariety": "Riesling", "hectares": 4.5, "yieldTonnes": 31, "organic": True}},
    # zoos
    {"prompt": "I'm putting our keeper notes into a little database. Could you turn this one into an object "
               "with the fields animal_name, species, age and weight_kg? json please\n\nKeeper's note: our "
               "Sumatran tiger Raja turns nine today! He weighs 118 kg and still loves his pool on the "
               "Jungle Trail.",
     "expect": {"animal_name": "Raja", "species": "Sumatran tiger", "age": 9, "weight_kg": 118}},
    {"prompt": "From the order confirmation, return JSON with adults, children, total and annual_pass "
               "(true/false).\n\nZoo order #Z-55102: 2 adults and three children, day tickets for Sunday. "
               "Total paid: 84.00 EUR.",
     "expect": {"adults": 2, "children": 3, "total": 84, "annual_pass": False}},
    # photography
    {"prompt": "Give me brand, model, megapixels, price and weather_sealed from this listing as a JSON object."
               "\n\nFor sale: Fujifilm X-T4 body, 26.1 megapixels, 950 euros or near offer. Weather sealed, "
               "shutter count around 12k, original box included.",
     "expect": {"brand": "Fujifilm", "model": "X-T4", "megapixels": 26.1, "price": 950, "weather_sealed": True}},
    {"prompt": "Extract JSON: client, shoot_type (wedding, portrait, product or event), hours, deposit_paid, "
               "gallery_url\n\nHi Lucia, just confirming your portrait session in Parc de la Ciutadella, 2 "
               "hours. We've received your 100 EUR deposit - thank you! Your photos will appear at "
               "https://marcvidalphoto.example/g/lucia-2025 within two weeks. Best, Marc",
     "expect": {"client": "Lucia", "shoot_type": "portrait", "hours": 2, "deposit_paid": True,
                "gallery_url": "https://marcvidalphoto.example/g/lucia-2025"}},
    # print shops
    {"prompt": "Return JSON with the keys quantity, size, paper_gsm, double_sided and finish (matte or gloss)."
               "\n\nHi, could you print 500 flyers, A5, on 170gsm paper, printed on both sides with a gloss "
               "finish? Thanks, Dev",
     "expect": {"quantity": 500, "size": "A5", "paper_gsm": 170, "double_sided": True, "finish": "gloss"}},
    {"prompt": "Reply in JSON like this example: {\"customer\": \"Jo Bloggs\", \"cards\": 100, \"price\": 10.0, "
               "\"rush\": false}\n\nQuote for Amelia Hartmann: 250 business cards at 39.90, standard "
               "turnaround (5 working days).",
     "expect": {"customer": "Amelia Hartmann", "cards": 250, "price": 39.9, "rush": False}},
    # moving companies
    {"prompt": "Convert the web form below to JSON using the keys from_postcode, to_postcode, move_date "
               "(YYYY-MM-DD), bedrooms and packing_service.\n\nName: Oskar Lindgren\nMoving from: SE1 7PB\n"
               "Moving to: BS8 1TH\nDate: 30 August 2025\nProperty: 3 bedroom house\nNeed packing help? No",
     "expect": {"from_postcode": "SE1 7PB", "to_postcode": "BS8 1TH", "move_date": "2025-08-30", "bedrooms": 3,
                "packing_service": False}},
    {"prompt": "company, movers, truck_tonnes, arrival_time, price - put these in a JSON object.\n\nText from "
               "Swift Removals: Confirmed for Friday - a crew of four movers with a 7.5 tonne lorry, arriving "
               "08:00. Fixed price 1,340 incl. VAT.",
     "expect": {"company": "Swift Removals", "movers": 4, "truck_tonnes": 7.5, "arrival_time": "08:00",
                "price": 1340}},
    # music lessons
    {"prompt": "Please return JSON. The keys should be student, instrument, lesson_minutes, owns_instrument and "
               "contact_email.\n\nHello, my son Felix Brandt (11) would like cello lessons, 30 minutes each, "
               "on Tuesdays after school. For now we are renting a cello from the school. Please reply to "
               "brandt.family@postbox.example. Thanks, Katrin",
     "expect": {"student": "Felix Brandt", "instrument": "cello", "lesson_minutes": 30, "owns_instrument": False,
                "contact_email": "brandt.family@postbox.example"}},
    {"prompt": "Make JSON with teacher, instrument, rate_per_hour and online.\n\nPiano lessons with Mireille "
               "Okonjo - 45 GBP an hour, all ages and levels welcome, in person in Hackney or over Zoom.",
     "expect": {"teacher": "Mireille Okonjo", "instrument": "piano", "rate_per_hour": 45, "online": True}},
    # hiking
    {"prompt": "Log this hike for me as a json object: trail, distance_km, elevation_m, hours.\n\n"
               "Did the Glen Rosa Horseshoe yesterday - 19.5 km and 1,450 m of ascent, took us seven hours "
               "with a long lunch on the ridge.",
     "expect": {"trail": "Glen Rosa Horseshoe", "distance_km": 19.5, "elevation_m": 1450, "hours": 7}},
    {"prompt": "Extract the hut booking as JSON - hut, nights, guests, arrival_date (YYYY-MM-DD), half_board "
               "(true/false).\n\nReservation confirmed: Rifugio Vajolet, 2 nights from 12 July 2025 for 4 "
               "hikers, dinner and breakfast included.",
     "expect": {"hut": "Rifugio Vajolet", "nights": 2, "guests": 4, "arrival_date": "2025-07-12",
                "half_board": True}},
    # solar panels
    {"prompt": "Return a JSON object with installer, panels, system_kw, battery_kwh and price.\n\n"
               "SunRidge Solar quote: 14 panels making a 6.3 kW system, with a 10 kWh home battery, fully "
               "installed for 9,850 GBP.",
     "expect": {"installer": "SunRidge Solar", "panels": 14, "system_kw": 6.3, "battery_kwh": 10,
                "price": 9850}},
    {"prompt": "JSON (inverter_id, output_kwh, peak_w, fault) for this log entry:\n"
               "[2025-06-21 18:00] INV-22A daily_yield=27.4kWh peak=5120W errors=none",
     "expect": {"inverter_id": "INV-22A", "output_kwh": 27.4, "peak_w": 5120, "fault": False}},
    # web hosting
    {"prompt": "Use this JSON schema:\n"
               + _schema({"plan": {"type": "string"}, "storage_gb": {"type": "integer"},
                          "websites": {"type": "integer"}, "monthly_price": {"type": "number"},
                          "free_ssl": {"type": "boolean"}})
               + "\nText: The Business plan gives you 100 GB SSD storage, up to 10 websites and a free SSL "
                 "certificate, all for 8.99 a month.",
     "expect": {"plan": "Business", "storage_gb": 100, "websites": 10, "monthly_price": 8.99, "free_ssl": True}},
    {"prompt": "Summarise this alert as JSON with serverName, status (up or down), downtimeMinutes, region.\n\n"
               "ALERT: web-03.eu-west is DOWN since 02:14 UTC (17 minutes). Region: Frankfurt. On-call: "
               "@dana",
     "expect": {"serverName": "web-03.eu-west", "status": "down", "downtimeMinutes": 17, "region": "Frankfurt"}},
    # tax returns
    {"prompt": "From my accountant's email, pull out taxpayer, tax_year, refund (true/false), amount and "
               "deadline (YYYY-MM-DD) in JSON.\n\nHi Ines Fairweather, your 2024 tax return is ready. Good "
               "news: you are due a refund of 1,286.40 EUR. Please sign it and send it back before 31 July "
               "2025. Kind regards, Tomas",
     "expect": {"taxpayer": "Ines Fairweather", "tax_year": 2024, "refund": True, "amount": 1286.4,
                "deadline": "2025-07-31"}},
    {"prompt": "Give JSON with vendor, amount, category (travel, equipment, training or office) and "
               "deductible.\n\nReceipt: Lumen Academy - online bookkeeping course, 240.00. It's for work, so "
               "it's deductible.",
     "expect": {"vendor": "Lumen Academy", "amount": 240, "category": "training", "deductible": True}},
    # ski resorts
    {"prompt": "Fill in the schema from the snow report. Output JSON only.\n"
               + _schema({"resort": {"type": "string"}, "snow_depth_cm": {"type": "integer"},
                          "fresh_snow_cm": {"type": "integer"}, "lifts_open": {"type": "integer"},
                          "total_lifts": {"type": "integer"}},
                         ["resort", "snow_depth_cm", "fresh_snow_cm", "lifts_open", "total_lifts"])
               + "\n\nSnow report for Val Claree: 145 cm at the summit, 20 cm of fresh snow overnight, "
                 "38 of 42 lifts open.",
     "expect": {"resort": "Val Claree", "snow_depth_cm": 145, "fresh_snow_cm": 20, "lifts_open": 38,
                "total_lifts": 42}},
    {"prompt": "Ski hire order to JSON with keys renter, ski_length_cm, boot_size, helmet, days:\n"
               "Ski hire for Tomasz Wojcik - 165 cm skis, boots size 43, no helmet thanks, for six days.",
     "expect": {"renter": "Tomasz Wojcik", "ski_length_cm": 165, "boot_size": 43, "helmet": False, "days": 6}},
    # call centres
    {"prompt": "Make a JSON record of this call with the keys agent, caller, duration_seconds, resolved and "
               "callback_number.\n\nCall 88213 handled by agent Priyanka Das. Caller: Henrik Olsen. Duration: "
               "412 seconds. Reason: disputed roaming charge. Outcome: escalated to the billing team, who "
               "will call back on +353 1 555 0148.",
     "expect": {"agent": "Priyanka Das", "caller": "Henrik Olsen", "duration_seconds": 412, "resolved": False,
                "callback_number": "+353 1 555 0148"}},
    # train tickets
    {"prompt": "Extract from_station, to_station, departure_time, coach, first_class. Answer in JSON.\n\n"
               "E-ticket: Zurich HB -> Milano Centrale, dep 09:33, coach 7, seat 64, 2nd class, "
               "passenger Anna Keller.",
     "expect": {"from_station": "Zurich HB", "to_station": "Milano Centrale", "departure_time": "09:33",
                "coach": 7, "first_class": False}},
    {"prompt": "Output JSON only: journey_date, delay_minutes, ticket_price, refund_percent.\n\n"
               "Delay Repay claim - journey on 2025-01-14, my train arrived 47 minutes late. The ticket cost "
               "58.20 and I'm claiming a 50% refund.",
     "expect": {"journey_date": "2025-01-14", "delay_minutes": 47, "ticket_price": 58.2, "refund_percent": 50}},
    # board games
    {"prompt": "Put the review into JSON: game, players_min, players_max, play_time_minutes, rating (1-5).\n\n"
               "Harbour Lords plays with 2 to 5 players and a game takes about 60 minutes. Great fun with the "
               "family - 4 out of 5 from me.",
     "expect": {"game": "Harbour Lords", "players_min": 2, "players_max": 5, "play_time_minutes": 60,
                "rating": 4}},
    {"prompt": "Give me a JSON object for this listing with title, condition (new, like new or used), price and "
               "complete.\n\nSelling my copy of Canopy Quest - played twice, like new. All pieces present and "
               "punched. 30 EUR, collection from Utrecht.",
     "expect": {"title": "Canopy Quest", "condition": "like new", "price": 30, "complete": True}},
    # smart homes
    {"prompt": "JSON: device, room, battery, online\n\nMotion sensor in the hallway: battery 12%, last seen "
               "3 days ago - offline.",
     "expect": {"device": "motion sensor", "room": "hallway", "battery": 12, "online": False}},
    {"prompt": "Turn this automation into JSON with the keys trigger_time, room, brightness_percent and "
               "weekdays_only.\n\nEvery weekday at 06:45, turn on the bedroom lights at 30% brightness.",
     "expect": {"trigger_time": "06:45", "room": "bedroom", "brightness_percent": 30, "weekdays_only": True}},
]

# --------------------------------------------------------------------------- choosing and filling a call

FLOWERS_K = _fn("order_flowers", "Order a flower delivery from the florist",
                {"flower": {"type": "string", "description": "kind of flower, with its colour, e.g. white lilies"},
                 "address": {"type": "string", "description": "delivery address"},
                 "stems": {"type": "integer"},
                 "delivery_date": {"type": "string", "description": "YYYY-MM-DD"}},
                ["flower", "address"])
LAUNDRY_K = _fn("book_laundry_pickup", "Book a laundry service to collect washing from an address",
                {"address": {"type": "string"}, "bags": {"type": "integer"},
                 "service": {"type": "string", "enum": ["wash and fold", "dry cleaning", "ironing"]}},
                ["address", "bags", "service"])
TIMETABLE_K = _fn("get_course_timetable", "Get the lecture timetable of a university course",
                  {"course_code": {"type": "string"},
                   "semester": {"type": "string", "enum": ["autumn", "spring"]}},
                  ["course_code"])
PERMIT_K = _fn("check_permit_status", "Check the status of a building permit application",
               {"application_id": {"type": "string"}}, ["application_id"])
SERVICE_K = _fn("schedule_car_service", "Book a car into the garage for a repair or service",
                {"registration": {"type": "string", "description": "number plate"},
                 "service": {"type": "string", "enum": ["oil change", "brakes", "tyres", "full service"]},
                 "date": {"type": "string", "description": "YYYY-MM-DD"}},
                ["registration", "service"])
PARKING_K = _fn("pay_for_parking", "Pay for on-street parking in a parking zone",
                {"zone": {"type": "string", "description": "zone number shown on the sign"},
                 "plate": {"type": "string"}, "hours": {"type": "number"}},
                ["zone", "plate", "hours"])
TASTING_K = _fn("book_wine_tasting", "Book a wine tasting at a winery",
                {"winery": {"type": "string"}, "guests": {"type": "integer"},
                 "date": {"type": "string", "description": "YYYY-MM-DD"}},
                ["winery", "guests", "date"])
FEEDING_K = _fn("get_feeding_times", "Get today's feeding times for an animal at the zoo",
                {"animal": {"type": "string"}}, ["animal"])
PHOTOSHOOT_K = _fn("book_photoshoot", "Book a photographer for a shoot",
                   {"shoot_type": {"type": "string", "enum": ["wedding", "portrait", "product", "event"]},
                    "date": {"type": "string", "description": "YYYY-MM-DD"}, "hours": {"type": "integer"}},
                   ["shoot_type", "date"])
PRINTS_K = _fn("order_prints", "Send a file to the print shop",
               {"file": {"type": "string"}, "copies": {"type": "integer"},
                "size": {"type": "string", "enum": ["A5", "A4", "A3"]}, "colour": {"type": "boolean"}},
               ["file", "copies"])
MOVING_K = _fn("get_moving_quote", "Get a price estimate from a removal company for a house move",
               {"from_city": {"type": "string"}, "to_city": {"type": "string"}, "bedrooms": {"type": "integer"}},
               ["from_city", "to_city"])
LESSON_K = _fn("book_music_lesson", "Book a music lesson",
               {"instrument": {"type": "string"}, "minutes": {"type": "integer"},
                "date": {"type": "string", "description": "YYYY-MM-DD"}},
               ["instrument", "date"])
TRAIL_K = _fn("get_trail_conditions", "Get current conditions and closures for a hiking trail",
              {"trail": {"type": "string"}}, ["trail"])
SOLAR_K = _fn("estimate_solar_savings", "Estimate yearly savings from a solar panel system",
              {"system_kw": {"type": "number"}, "postcode": {"type": "string"}}, ["system_kw", "postcode"])
HOSTING_K = _fn("renew_hosting", "Renew the web hosting for a domain",
                {"domain": {"type": "string"}, "years": {"type": "integer"}}, ["domain", "years"])
RESTART_K = _fn("restart_server", "Restart a hosted web server",
                {"server": {"type": "string"}}, ["server"])
TAXREFUND_K = _fn("estimate_tax_refund", "Estimate the income tax refund for a tax year",
                  {"income": {"type": "number"}, "tax_paid": {"type": "number"}, "year": {"type": "integer"}},
                  ["income", "tax_paid", "year"])
SKIPASS_K = _fn("buy_ski_pass", "Buy a lift pass for a ski resort",
                {"resort": {"type": "string"}, "days": {"type": "integer"},
                 "age_group": {"type": "string", "enum": ["adult", "child", "senior"]}},
                ["resort", "days", "age_group"])
CALLBACK_K = _fn("request_callback", "Ask the call centre to phone the customer back",
                 {"phone": {"type": "string"}, "time": {"type": "string", "description": "HH:MM"}},
                 ["phone"])
QUEUE_K = _fn("get_queue_stats", "Get live statistics for a call centre queue",
              {"queue": {"type": "string", "enum": ["billing", "technical", "sales"]}}, ["queue"])
TRAIN_K = _fn("book_train_ticket", "Book a train ticket",
              {"origin": {"type": "string"}, "destination": {"type": "string"},
               "date": {"type": "string", "description": "YYYY-MM-DD"},
               "travel_class": {"type": "string", "enum": ["standard", "first"]}},
              ["origin", "destination", "date"])
SUGGEST_K = _fn("suggest_board_game", "Suggest a board game for a group",
                {"players": {"type": "integer"}, "max_minutes": {"type": "integer"}}, ["players"])
RULES_K = _fn("get_board_game_rules", "Get the rules and setup of a board game", {"game": {"type": "string"}},
              ["game"])
BLINDS_K = _fn("set_blinds", "Move the smart blinds in a room",
               {"room": {"type": "string"},
                "position_percent": {"type": "integer", "description": "0 = fully open, 100 = fully closed"}},
               ["room", "position_percent"])
SCENE_K = _fn("run_scene", "Run a smart home scene",
              {"scene": {"type": "string", "enum": ["good morning", "movie night", "away", "bedtime"]}},
              ["scene"])

CALL_CASES_K = [
    {"functions": [FLOWERS_K, LAUNDRY_K], "format": "python",
     "question": "Send 12 red tulips to 5 Beech Grove, Harrogate on 2025-05-11.",
     "expect": ("order_flowers", {"flower": "red tulips", "address": "5 Beech Grove, Harrogate", "stems": 12,
                                  "delivery_date": "2025-05-11"})},
    {"functions": [LAUNDRY_K, PARKING_K], "format": "json",
     "question": "Could you get someone to collect three bags of washing from 44 Marsh Road for a wash and fold?",
     "expect": ("book_laundry_pickup", {"address": "44 Marsh Road", "bags": 3, "service": "wash and fold"})},
    {"functions": [TIMETABLE_K, PERMIT_K], "format": "python",
     "question": "When are the lectures for HIST1203 in the spring semester?",
     "expect": ("get_course_timetable", {"course_code": "HIST1203", "semester": "spring"})},
    {"functions": [PERMIT_K, TAXREFUND_K], "format": "json",
     "question": "Has my planning application PA-2025-0912 been decided yet?",
     "expect": ("check_permit_status", {"application_id": "PA-2025-0912"})},
    {"functions": [SERVICE_K, PARKING_K], "format": "python",
     "question": "My Golf, reg YL68 WRT, needs new tyres - can you book it in for 2025-04-02?",
     "expect": ("schedule_car_service", {"registration": "YL68 WRT", "service": "tyres", "date": "2025-04-02"})},
    {"functions": [PARKING_K, SERVICE_K], "format": "json",
     "question": "Pay for 2 hours of parking in zone 4127 for the car BD51 SMR.",
     "expect": ("pay_for_parking", {"zone": "4127", "plate": "BD51 SMR", "hours": 2})},
    {"functions": [TASTING_K, FEEDING_K], "format": "python",
     "question": "I'd like to book a tasting at Quinta do Vale Azul for 4 people on 2025-09-13.",
     "expect": ("book_wine_tasting", {"winery": "Quinta do Vale Azul", "guests": 4, "date": "2025-09-13"})},
    {"functions": [FEEDING_K, TASTING_K], "format": "json",
     "question": "When do the sea lions get fed today?",
     "expect": ("get_feeding_times", {"animal": "sea lions"})},
    {"functions": [PHOTOSHOOT_K, PRINTS_K], "format": "python",
     "question": "Book a photographer for a 3 hour wedding shoot on 2025-08-23.",
     "expect": ("book_photoshoot", {"shoot_type": "wedding", "date": "2025-08-23", "hours": 3})},
    {"functions": [PRINTS_K, PHOTOSHOOT_K], "format": "json",
     "question": "Print 40 colour copies of poster_final.pdf on A3.",
     "expect": ("order_prints", {"file": "poster_final.pdf", "copies": 40, "size": "A3", "colour": True})},
    {"functions": [MOVING_K, SOLAR_K], "format": "python",
     "question": "How much would it cost to move a two-bedroom flat from Leeds to Cardiff?",
     "expect": ("get_moving_quote", {"from_city": "Leeds", "to_city": "Cardiff", "bedrooms": 2})},
    {"functions": [LESSON_K, SUGGEST_K], "format": "json",
     "question": "Sign me up for a 45 minute violin lesson on 2025-03-04.",
     "expect": ("book_music_lesson", {"instrument": "violin", "minutes": 45, "date": "2025-03-04"})},
    {"functions": [TRAIL_K, SKIPASS_K], "format": "python",
     "question": "What are conditions like on Striding Edge today?",
     "expect": ("get_trail_conditions", {"trail": "Striding Edge"})},
    {"functions": [SOLAR_K, HOSTING_K], "format": "json",
     "question": "Roughly how much would a 4.2 kW solar setup save me each year? My postcode is TR18 4AB.",
     "expect": ("estimate_solar_savings", {"system_kw": 4.2, "postcode": "TR18 4AB"})},
    {"functions": [HOSTING_K, RESTART_K], "format": "python",
     "question": "Renew hosting for pinecrestbakery.com for 2 years.",
     "expect": ("renew_hosting", {"domain": "pinecrestbakery.com", "years": 2})},
    {"functions": [TAXREFUND_K, SOLAR_K], "format": "json",
     "question": "In 2024 I earned 42000 and paid 9150 in tax. What refund can I expect?",
     "expect": ("estimate_tax_refund", {"income": 42000, "tax_paid": 9150, "year": 2024})},
    {"functions": [SKIPASS_K, TRAIL_K], "format": "python",
     "question": "Buy a 5-day child lift pass for Les Arcs.",
     "expect": ("buy_ski_pass", {"resort": "Les Arcs", "days": 5, "age_group": "child"})},
    {"functions": [CALLBACK_K, QUEUE_K], "format": "json",
     "question": "Please have someone ring me back on +44 20 7946 0321 at 15:00.",
     "expect": ("request_callback", {"phone": "+44 20 7946 0321", "time": "15:00"})},
    {"functions": [TRAIN_K, MOVING_K], "format": "python",
     "question": "Get me a first class ticket from Bern to Lausanne on 2025-11-20.",
     "expect": ("book_train_ticket", {"origin": "Bern", "destination": "Lausanne", "date": "2025-11-20",
                                      "travel_class": "first"})},
    {"functions": [SUGGEST_K, RULES_K], "format": "json",
     "question": "We're 6 people with about 45 minutes to spare - what board game should we play?",
     "expect": ("suggest_board_game", {"players": 6, "max_minutes": 45})},
    {"functions": [BLINDS_K, SCENE_K], "format": "python",
     "question": "Lower the living room blinds halfway.",
     "expect": ("set_blinds", {"room": "living room", "position_percent": 50})},
    {"functions": [SCENE_K, BLINDS_K], "format": "json",
     "question": "Switch the house to movie night mode.",
     "expect": ("run_scene", {"scene": "movie night"})},
    {"functions": [RULES_K, SUGGEST_K], "format": "python",
     "question": "How do you set up Carcassonne?",
     "expect": ("get_board_game_rules", {"game": "Carcassonne"})},
    {"functions": [QUEUE_K, CALLBACK_K], "format": "python",
     "question": "How many callers are waiting in the billing queue right now?",
     "expect": ("get_queue_stats", {"queue": "billing"})},
    {"functions": [FLOWERS_K, TASTING_K], "format": "json",
     "question": "Please send a bouquet of sunflowers to 18 Quay Street, Galway.",
     "expect": ("order_flowers", {"flower": "sunflowers", "address": "18 Quay Street, Galway"})},
    {"functions": [TIMETABLE_K, LESSON_K, RULES_K], "format": "json",
     "question": "Could you check the timetable for ECON2010?",
     "expect": ("get_course_timetable", {"course_code": "ECON2010"})},
    {"functions": [TRAIN_K, SKIPASS_K], "format": "python",
     "question": "What is the highest mountain in the Alps?", "expect": None},
    {"functions": [TASTING_K, PRINTS_K], "format": "json",
     "question": "Which grape is Chianti mostly made from?", "expect": None},
    {"functions": [PERMIT_K, SERVICE_K], "format": "python",
     "question": "Write me a short poem about rain on a tin roof.", "expect": None},
    {"functions": [SOLAR_K, RESTART_K, TAXREFUND_K], "format": "json",
     "question": "How many minutes are there in a day?", "expect": None},
]
for _case in CALL_CASES_K:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

# --------------------------------------------------------------------------- using a returned result

RESULT_CASES_K = [
    {"case": 0, "call": '[order_flowers(flower="red tulips", address="5 Beech Grove, Harrogate", stems=12, '
                        'delivery_date="2025-05-11")]',
     "result": "Result: {\"order_id\": \"FL-30917\", \"price_gbp\": 38.5}", "says": ["FL-30917", "38.5"]},
    {"case": 3, "call": '{"name": "check_permit_status", "parameters": {"application_id": "PA-2025-0912"}}',
     "result": "{\"status\": \"approved\", \"decided_on\": \"2025-06-02\"}", "says": ["approved", "2025-06-02"]},
    {"case": 5, "call": '{"name": "pay_for_parking", "parameters": {"zone": "4127", "plate": "BD51 SMR", '
                        '"hours": 2}}',
     "result": "Function output: {\"session_id\": \"PK-88120\", \"expires\": \"13:45\"}",
     "says": ["PK-88120", "13:45"]},
    {"case": 7, "call": '{"name": "get_feeding_times", "parameters": {"animal": "sea lions"}}',
     "result": "[\"11:00\", \"15:30\"]", "says": ["11:00", "15:30"]},
    {"case": 10, "call": '[get_moving_quote(from_city="Leeds", to_city="Cardiff", bedrooms=2)]',
     "result": "Result: {\"estimate_gbp\": 980, \"crew\": 3, \"company\": \"Redkite Removals\"}",
     "says": ["980", "Redkite Removals"]},
    {"case": 13, "call": '{"name": "estimate_solar_savings", "parameters": {"system_kw": 4.2, '
                         '"postcode": "TR18 4AB"}}',
     "result": "Output: {\"annual_savings_gbp\": 612, \"payback_years\": 9.5}", "says": ["612", "9.5"]},
    {"case": 16, "call": '[buy_ski_pass(resort="Les Arcs", days=5, age_group="child")]',
     "result": "Tool returned: {\"pass_id\": \"LA-5521-C\", \"price_eur\": 214}", "says": ["LA-5521-C", "214"]},
    {"case": 18, "call": '[book_train_ticket(origin="Bern", destination="Lausanne", date="2025-11-20", '
                         'travel_class="first")]',
     "result": "book_train_ticket returned: {\"booking\": \"SBB-7H2K9\", \"departs\": \"08:04\", \"platform\": 7}",
     "says": ["SBB-7H2K9", "08:04"]},
    {"case": 19, "call": '{"name": "suggest_board_game", "parameters": {"players": 6, "max_minutes": 45}}',
     "result": "Function result: [\"Codenames\", \"Just One\"]", "says": ["Codenames", "Just One"]},
    {"case": 23, "call": '[get_queue_stats(queue="billing")]',
     "result": "Here is the function's answer: {\"waiting\": 14, \"longest_wait\": \"6 min\"}",
     "says": ["14", "6 min"]},
]
for _case in RESULT_CASES_K:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_K[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]


# --------------------------------------------------------------------------- development set "dev5"
# Written for this benchmark by a session that did not read the practice server's code; studied while
# the practice server was worked on (seen).

# --------------------------------------------------------------------------- JSON extraction

JSON_CASES_L = [
    # plumbers: a formal quotation letter
    {"prompt": "Pull the key facts out of this quotation letter and return them as a JSON object with the keys "
               "company, quote_total, vat_included, start_date (YYYY-MM-DD) and guarantee_years.\n\n"
               "Dear Mrs Achterberg,\n\nThank you for inviting us to quote for replacing the combination boiler "
               "at 3 Fennel Row. Having inspected the property on Tuesday, we can confirm a fixed price of "
               "2,340.00 GBP, inclusive of VAT, covering removal of the old unit, supply and fitting of a new "
               "condensing boiler, and a full system flush. The new boiler carries a ten-year manufacturer's "
               "guarantee. We would be able to start on 3 November 2025, subject to your acceptance.\n\n"
               "Yours sincerely,\nGraham Drayton\nDrayton & Sons Plumbing",
     "expect": {"company": "Drayton & Sons Plumbing", "quote_total": 2340, "vat_included": True,
                "start_date": "2025-11-03", "guarantee_years": 10}},
    # plumbers: a chatty text with typos
    {"prompt": "can u make this a json obj? keys: plumber_name, new_day, new_time (HH:MM), callout_fee, "
               "parts_ordered\n\n"
               "hiya its Gav from QuickFlow, sorry cant make it 2day, van's broken down :( can do thursday at "
               "9:30 instead if thats ok? callout fee still 45 quid, ive already ordered the new valve for ur "
               "radiator",
     "expect": {"plumber_name": "Gav", "new_day": "Thursday", "new_time": "09:30", "callout_fee": 45,
                "parts_ordered": True}},
    # electricians: a terse certificate summary
    {"prompt": "Output JSON only. Keys: certificate_no, inspector, satisfactory (true/false), c2_defects, "
               "next_inspection_due.\n\n"
               "EICR 2025/0419 -- 17 Larkspur Close, Didcot OX11 7GH\n"
               "Inspector: Priya Venkat (reg. 604417)\n"
               "Overall assessment: UNSATISFACTORY\n"
               "Observations: C1 x0, C2 x3, C3 x5\n"
               "Recommended next inspection: 2030-06-01",
     "expect": {"certificate_no": "2025/0419", "inspector": "Priya Venkat", "satisfactory": False,
                "c2_defects": 3, "next_inspection_due": "2030-06-01"}},
    # electricians: a bullet-list job sheet
    {"prompt": "Below is a job sheet from our electrician. I'd like the customer name, the charger model, the "
               "cable run in metres and whether a permit is needed, as JSON (customer, charger_model, "
               "cable_run_m, permit_needed).\n\n"
               "JOB SHEET #E-2208\n"
               "- Customer: Dana Whitfield\n"
               "- Site: 41 Cobbold Road\n"
               "- Work: 2x outdoor sockets + 7 kW EV charger\n"
               "- Charger model: Zappi v2.1\n"
               "- Cable run: 14 m (surface clipped)\n"
               "- DNO/permit required: no\n"
               "- Est. duration: 1 day",
     "expect": {"customer": "Dana Whitfield", "charger_model": "Zappi v2.1", "cable_run_m": 14,
                "permit_needed": False}},
    # nurseries: a letter to parents
    {"prompt": "Read the letter and give me a JSON object with nursery, closure_date, reason, new_daily_fee and "
               "fee_change_from. Dates as YYYY-MM-DD.\n\n"
               "Dear Parents and Carers,\n\nPlease note that Little Acorns Nursery will be closed on Friday "
               "19 December 2025 for a staff training day. We are also writing to let you know that, following "
               "our annual review, the daily fee for a full-day place will increase from 64.00 EUR to 68.50 EUR "
               "from 5 January 2026.\n\nThank you for your continued support.\n\nKind regards,\n"
               "Hannah Sorley, Nursery Manager",
     "expect": {"nursery": "Little Acorns Nursery", "closure_date": "2025-12-19", "new_daily_fee": 68.5,
                "fee_change_from": "2026-01-05"}},
    # nurseries: a plain-text table, one row asked for
    {"prompt": "Convert Maya's registration row into JSON like this: {\"child_name\": \"\", \"date_of_birth\": "
               "\"\", \"sessions_per_week\": 0, \"has_allergies\": false, \"funded_hours\": false}\n\n"
               "CHILD            DOB         SESSIONS/WK  ALLERGIES   FUNDED\n"
               "Oscar Lindholm   2021-11-02  5            peanuts     no\n"
               "Maya Okonkwo     2022-08-14  3            none        yes\n"
               "Theo Marchetti   2023-01-30  2            dairy       no",
     "expect": {"child_name": "Maya Okonkwo", "date_of_birth": "2022-08-14", "sessions_per_week": 3,
                "has_allergies": False, "funded_hours": True}},
    # sailing clubs: a race log
    {"prompt": "From this race log I want the winner as JSON: boat_name, helm, boat_class, elapsed_time, and "
               "also starters (how many boats started).\n\n"
               "Sun 14 Sept - Autumn Series R3. Wind SW 12 kn, gusting 18. 9 starters, 2 DNF.\n"
               "1st  Kittiwake  (Laser, helm Joost Brink)        52:18\n"
               "2nd  Pipit      (Laser, helm Anouk de Vries)     53:02\n"
               "3rd  Saltwater  (Topper, helm Finn Maguire)      55:40",
     "expect": {"boat_name": "Kittiwake", "helm": "Joost Brink", "boat_class": "Laser", "elapsed_time": "52:18",
                "starters": 9}},
    # sailing clubs: a membership email against a schema
    {"prompt": "Fill this schema from the email and reply with the JSON object only.\n\n"
               + _schema({"membership_type": {"type": "string", "enum": ["individual", "family", "junior", "crew"]},
                          "adults": {"type": "integer"}, "children": {"type": "integer"},
                          "own_boat": {"type": "boolean"}, "boat_class": {"type": "string"}},
                         ["membership_type", "adults", "children", "own_boat", "boat_class"])
               + "\n\nHi there, we've just moved to the area and would love to join Lakeside Cove Sailing Club as "
                 "a family - that's me, my husband and our two kids (9 and 12). We've got our own Wayfarer, so "
                 "we'd need a space in the dinghy park too. Cheers, Sofie Andersen",
     "expect": {"membership_type": "family", "adults": 2, "children": 2, "own_boat": True,
                "boat_class": "Wayfarer"}},
    # escape rooms: a booking confirmation
    {"prompt": "Give me a JSON with booking_ref, room, players, start_time and amount_paid.\n\n"
               "Thanks for booking with Lockbox Lisboa!\n"
               "Booking ref: ESC-44107\n"
               "Room: Operation Blackout (difficulty 4/5)\n"
               "Team size: 5 players\n"
               "Date: 2025-08-30  |  Start: 18:15 (please arrive 15 min early)\n"
               "Paid: 110.00 EUR",
     "expect": {"booking_ref": "ESC-44107", "room": "Operation Blackout", "players": 5, "start_time": "18:15",
                "amount_paid": 110}},
    # escape rooms: a chatty review
    {"prompt": "For our review dashboard, turn this into JSON. The keys are venue, game_master, escaped "
               "(true/false), minutes_left and stars.\n\n"
               "Went to Clue Cellar in Ghent w/ my cousins on saturday and we ESCAPED with 4 mins to spare!!! "
               "game master Ines was brilliant, hints were fair and funny. only downside is theres no parking "
               "anywhere near. 5 stars anyway",
     "expect": {"venue": "Clue Cellar", "game_master": "Ines", "escaped": True, "minutes_left": 4, "stars": 5}},
    # blood donation: an SMS
    {"prompt": "Make this SMS into JSON with the fields donor_first_name, centre, appointment_date, "
               "appointment_time and reference.\n\n"
               "GiveBlood: Hi Carys, thank you for booking! Your donation appointment is at Bristol Donor Centre "
               "on 2025-10-09 at 16:45. Drink 500ml of water beforehand and eat a proper meal. To change it, "
               "reply quoting ref BD-7719-22.",
     "expect": {"donor_first_name": "Carys", "centre": "Bristol Donor Centre", "appointment_date": "2025-10-09",
                "appointment_time": "16:45", "reference": "BD-7719-22"}},
    # blood donation: a log line
    {"prompt": "Donor log line. JSON, please: donor_id, blood_group, haemoglobin_g_dl, deferred, next_eligible.\n\n"
               "2025-07-02 11:48 SESSION=Cardiff-CC donor=D-302118 blood_group=O- hb=13.8g/dL bp=122/78 "
               "deferred=no units=1 next_eligible=2025-10-22",
     "expect": {"donor_id": "D-302118", "blood_group": "O-", "haemoglobin_g_dl": 13.8, "deferred": False,
                "next_eligible": "2025-10-22"}},
    # cinemas' snack bars: a till receipt
    {"prompt": "Answer only with a JSON object having the keys popcorn_size, nachos_qty, total and paid_by_card.\n\n"
               "REGENT PICTUREHOUSE - KIOSK 2\n"
               "------------------------------\n"
               "ITEM                 QTY   PRICE\n"
               "Popcorn LARGE sweet   1     6.90\n"
               "Nachos + cheese       2     9.00\n"
               "Cola 500ml            2     5.60\n"
               "------------------------------\n"
               "TOTAL                      21.50\n"
               "CONTACTLESS VISA ****4471\n"
               "Thank you, enjoy the film!",
     "expect": {"popcorn_size": "large", "nachos_qty": 2, "total": 21.5, "paid_by_card": True}},
    # cinemas' snack bars: a manager's note to staff
    {"prompt": "Please sum up the manager's message as JSON: caramel_popcorn_available, delivery_day, "
               "pick_n_mix_price_per_100g, slush_machine_working.\n\n"
               "Hey team! Quick update before the weekend rush: we've run out of caramel popcorn and the next "
               "delivery isn't until Tuesday, so push the salted. Pick'n'mix goes up to 2.95 per 100g from today. "
               "Good news - the engineer came this morning and the slush machine is fixed. Cheers, Marco",
     "expect": {"caramel_popcorn_available": False, "delivery_day": "Tuesday", "pick_n_mix_price_per_100g": 2.95,
                "slush_machine_working": True}},
    # marathons' volunteers: a sign-up form against a schema
    {"prompt": "Schema:\n"
               + _schema({"volunteer": {"type": "string"},
                          "role": {"type": "string", "enum": ["water station", "marshal", "medical", "bag drop",
                                                              "finish line"]},
                          "km_marker": {"type": "integer"},
                          "tshirt_size": {"type": "string", "enum": ["S", "M", "L", "XL"]},
                          "first_aid": {"type": "boolean"}})
               + "\n\nVOLUNTEER SIGN-UP\nName: Oluwaseun Adeyemi\nPreferred role: water station\n"
                 "Preferred location: km 32 (Riverside)\nT-shirt size: XL\n"
                 "First aid certificate: Yes (valid until 2026)\nEmergency contact: Bisi Adeyemi, 07700 900412",
     "expect": {"volunteer": "Oluwaseun Adeyemi", "role": "water station", "km_marker": 32, "tshirt_size": "XL",
                "first_aid": True}},
    # marathons' volunteers: a coordinator's letter
    {"prompt": "Return JSON with event, event_date (YYYY-MM-DD), report_by, breakfast_provided and "
               "parking_available for this letter.\n\n"
               "Dear Volunteers,\n\nThank you for giving up your Sunday morning for the Rivermouth Marathon on "
               "27 April 2025. Please report to the Volunteer Village at Kingsway Park no later than 06:15 so "
               "that we can hand out hi-vis vests and radios. A hot breakfast will be served from 05:45. "
               "Unfortunately there is no parking at Kingsway Park on race day, so please use the free shuttle "
               "bus from the station.\n\nWith thanks,\nEleanor Briggs\nVolunteer Coordinator",
     "expect": {"event": "Rivermouth Marathon", "event_date": "2025-04-27", "report_by": "06:15",
                "breakfast_provided": True, "parking_available": False}},
    # car sharing: a trip record
    {"prompt": "Trip record -> JSON {plate, distance_km, duration_min, cost_eur}\n\n"
               "TRIP 88213 | veh VW ID.3 | plate KR 42 WZE | start 07:52 Nordbahnhof | end 09:10 Messe Sued | "
               "23.4 km | 78 min | 19.30 EUR | paid: wallet",
     "expect": {"plate": "KR 42 WZE", "distance_km": 23.4, "duration_min": 78, "cost_eur": 19.3}},
    # car sharing: a chatty damage report
    {"prompt": "turn this msg into json pls - booking_id, car_model, damage_reported, fuel_level (full, "
               "three-quarters, half, quarter or empty)\n\n"
               "just picked up the fiat 500 at Brunnenplatz and theres a massive scratch on the drivers door, "
               "wasnt me!! took pics. also the tank is only a quarter full. booking ZX19-0042",
     "expect": {"booking_id": "ZX19-0042", "car_model": "Fiat 500", "damage_reported": True,
                "fuel_level": "quarter"}},
    # tattoo studios: a consultation form, keys in a sentence
    {"prompt": "Record the client's name as client, the placement, the size in centimetres as size_cm, the "
               "deposit amount as deposit and the artist's name as artist, in JSON.\n\n"
               "Consultation form - Inkwell Studio\n"
               "Client: Rosalind Mbeki | Age: 27\n"
               "Design: fineline swallow with initials\n"
               "Placement: left wrist\n"
               "Size: approx. 6 cm\n"
               "Deposit paid: 50 GBP (non-refundable)\n"
               "Artist: Kai Tanaka",
     "expect": {"client": "Rosalind Mbeki", "placement": "left wrist", "size_cm": 6, "deposit": 50,
                "artist": "Kai Tanaka"}},
    # tattoo studios: a chatty text
    {"prompt": "Extract: artist, session_hours, bring_receipt (true/false), eat_before (true/false). JSON.\n\n"
               "hey!! so ur session w/ Mika got moved to sat at 1pm, its gonna be about 3 hrs. pls bring ur "
               "deposit receipt + eat a proper breakfast b4, dont come in on an empty stomach lol. no alcohol "
               "the night before!",
     "expect": {"artist": "Mika", "session_hours": 3, "bring_receipt": True, "eat_before": True}},
    # pottery classes: a course listing
    {"prompt": "Give me this course as a JSON object (course, sessions, start_time, max_students, "
               "materials_included).\n\n"
               "Wheel Throwing for Beginners\n"
               "6 weekly sessions - Wednesdays 19:00-21:30\n"
               "Tutor: Hanne Vestergaard\n"
               "Max 8 students per class\n"
               "240 EUR, clay, glazes and firing included\n"
               "Starts 2025-09-17",
     "expect": {"course": "Wheel Throwing for Beginners", "sessions": 6, "start_time": "19:00", "max_students": 8,
                "materials_included": True}},
    # pottery classes: a kiln log
    {"prompt": "KILN LOG -> JSON. keys: kiln_number, firing_type (bisque or glaze), peak_temp_c, pieces_loaded, "
               "pieces_cracked\n\n"
               "2025-03-11 | KILN 2 | glaze firing | cone 6 | loaded 14:10 | peak 1222 C at 23:40 | 31 pieces | "
               "unloaded 2025-03-13: 2 cracked, 1 glaze crawl",
     "expect": {"kiln_number": 2, "firing_type": "glaze", "peak_temp_c": 1222, "pieces_loaded": 31,
                "pieces_cracked": 2}},
    # karaoke bars: a booking email, numbers as words
    {"prompt": "Please extract venue, room_size (small, medium or large), date (YYYY-MM-DD), guests and hours "
               "as JSON from this email.\n\n"
               "Hello,\n\nI'd like to book the large private room at Mic Drop Karaoke for my sister's 30th on "
               "Saturday 13 September 2025, from 21:00 for three hours. There will be fourteen of us. Could you "
               "let me know whether the drinks package is included?\n\nMany thanks,\nTomasz Wisniewski",
     "expect": {"venue": "Mic Drop Karaoke", "room_size": "large", "date": "2025-09-13", "guests": 14,
                "hours": 3}},
    # karaoke bars: a queue log line, camelCase keys
    {"prompt": "Return JSON with tableNumber, singer, songTitle, artist, isDuet.\n\n"
               "[22:41] queue#17 table=6 singer=Bea song=\"Dancing Queen\" artist=ABBA key=+1 duet=no",
     "expect": {"tableNumber": 6, "singer": "Bea", "songTitle": "Dancing Queen", "artist": "ABBA",
                "isDuet": False}},
    # telescope shops: a plain-text product table
    {"prompt": "Here's our price table. For the Skyview 200P, give me brand, aperture_mm, focal_length_mm, goto "
               "(true/false) and price as a JSON object.\n\n"
               "MODEL          BRAND            APERTURE  FOCAL LENGTH  MOUNT               PRICE\n"
               "Skyview 130    Vespera Optics   130 mm    650 mm        manual EQ           349 GBP\n"
               "Skyview 200P   Vespera Optics   203 mm    1200 mm       computerised GoTo   899 GBP\n"
               "Nova Dob 10    Orbita           254 mm    1250 mm       Dobsonian           749 GBP",
     "expect": {"brand": "Vespera Optics", "aperture_mm": 203, "focal_length_mm": 1200, "goto": True,
                "price": 899}},
    # telescope shops: a formal enquiry
    {"prompt": "Extract customer, child_age, budget_gbp, portable_needed and main_interest (planets, deep sky or "
               "astrophotography) to JSON.\n\n"
               "Dear Sir or Madam,\n\nI am looking for a first telescope for my daughter, who is ten. She is "
               "mostly interested in looking at the Moon and the planets. We live in a third-floor city flat, so "
               "it must be light enough to carry down to the car easily. Our budget is no more than 300 GBP.\n\n"
               "I would be grateful for your recommendations.\n\nYours faithfully,\nGraham Pettigrew",
     "expect": {"customer": "Graham Pettigrew", "child_age": 10, "budget_gbp": 300, "portable_needed": True,
                "main_interest": "planets"}},
    # beekeeping: an inspection table, one row asked for, example object
    {"prompt": "Using the format {\"hive\": \"H1\", \"queen_seen\": false, \"brood_frames\": 0, \"temper\": "
               "\"calm\", \"varroa\": 0}, give me the JSON for hive H3 only. temper is one of calm, nervous, "
               "aggressive.\n\n"
               "Inspection 2025-06-08, apiary: Orchard Lane\n"
               "HIVE | QUEEN SEEN | BROOD FRAMES | TEMPER     | VARROA (drop/24h)\n"
               "H1   | no (eggs)  | 5            | nervous    | 9\n"
               "H3   | yes        | 7            | calm       | 4\n"
               "H4   | yes        | 6            | aggressive | 12",
     "expect": {"hive": "H3", "queen_seen": True, "brood_frames": 7, "temper": "calm", "varroa": 4}},
    # beekeeping: a chatty honey order
    {"prompt": "Turn this message into JSON with customer, honey_type, jars, jar_size_g and delivery.\n\n"
               "Hiya, do u still have the wildflower honey from the market? I'd like 3 jars of the 454g ones "
               "pls. I can come and collect sat morning, is cash ok? Thx, Dilys",
     "expect": {"customer": "Dilys", "honey_type": "wildflower", "jars": 3, "jar_size_g": 454, "delivery": False}},
    # laptop repairs: an intake ticket, JSON mentioned in passing
    {"prompt": "We log every intake as a small JSON record - ticket_id, device, under_warranty, estimate_eur and "
               "phone. Here's today's first one:\n\n"
               "Ticket LR-20931\n"
               "Device: Lenovo ThinkPad T14 Gen 3\n"
               "Fault: won't charge, USB-C port loose\n"
               "Warranty: expired 2024-05\n"
               "Estimate: 89 EUR (parts + labour)\n"
               "Data backup requested: yes\n"
               "Customer: Femi Adebayo, 0161 496 0723",
     "expect": {"ticket_id": "LR-20931", "device": "Lenovo ThinkPad T14 Gen 3", "under_warranty": False,
                "estimate_eur": 89, "phone": "0161 496 0723"}},
    # laptop repairs: an angry customer message
    {"prompt": "Classify and extract. JSON keys: order_number, device, days_waited, promised_days, sentiment "
               "(positive, neutral or negative).\n\n"
               "so I dropped my macbook air off on the 2nd for a new screen, you said 5 working days. its been "
               "9 now and nobody picks up the phone. order no RP-55127. not happy!!",
     "expect": {"order_number": "RP-55127", "device": "MacBook Air", "days_waited": 9, "promised_days": 5,
                "sentiment": "negative"}},
    # city councils' bin collection: a council notice against a schema
    {"prompt": "Extract the notice into JSON matching this schema. Output JSON only.\n\n"
               + _schema({"council": {"type": "string"},
                          "change_date": {"type": "string", "description": "YYYY-MM-DD"},
                          "general_waste_every_weeks": {"type": "integer"},
                          "recycling_weekly": {"type": "boolean"},
                          "garden_waste_fee": {"type": "number"}})
               + "\n\nBRAMHALL BOROUGH COUNCIL\nChanges to your waste collections\n\nFrom Monday 6 October 2025 "
                 "your general waste (grey bin) will be collected every three weeks instead of every two. Your "
                 "recycling (blue bin) will still be collected every week. The garden waste subscription for "
                 "2026 costs 52 GBP per bin per year. Find your collection day at bramhall.gov.example/bins.",
     "expect": {"council": "Bramhall Borough Council", "change_date": "2025-10-06", "general_waste_every_weeks": 3,
                "recycling_weekly": True, "garden_waste_fee": 52}},
    # city councils' bin collection: a missed-bin rant
    {"prompt": "json with address, bin_colour, missed_times_this_month, day\n\n"
               "my brown bin wasnt emptied AGAIN today (thursday)!!! 42 Holloway Rd, thats the third time this "
               "month. its overflowing and the foxes are having a party. please come back asap",
     "expect": {"address": "42 Holloway Rd", "bin_colour": "brown", "missed_times_this_month": 3,
                "day": "Thursday"}},
    # student housing: an offer letter
    {"prompt": "Extract the offer details into a JSON object: residence, weekly_rent, bills_included, "
               "contract_weeks, deposit.\n\n"
               "Dear Lukas,\n\nWe are pleased to offer you Room 4B at Quayside Residence for the 2025/26 "
               "academic year. The rent is 168 GBP per week, with all utility bills and Wi-Fi included. Your "
               "contract runs for 44 weeks from 13 September 2025. To secure the room, please pay the 250 GBP "
               "deposit by 31 July 2025.\n\nKind regards,\nAccommodation Office, Northgate University",
     "expect": {"residence": "Quayside Residence", "weekly_rent": 168, "bills_included": True,
                "contract_weeks": 44, "deposit": 250}},
    # student housing: a maintenance request in bullets
    {"prompt": "Maintenance request below. Reply with JSON containing block, flat_number, issue, water_leaking "
               "and permission_to_enter.\n\n"
               "* Block: C\n"
               "* Flat: 12\n"
               "* Issue: shower drain completely blocked, water takes ages to go down\n"
               "* Is water leaking into another room? No\n"
               "* Can staff enter if you're out? Yes\n"
               "* Best time to visit: after 14:00\n"
               "* Name: Aditya Rao",
     "expect": {"block": "C", "flat_number": 12, "water_leaking": False, "permission_to_enter": True}},
    # yoga retreats: a listing
    {"prompt": "Please give me style, town, nights, private_room_price and airport_transfer_included in JSON "
               "format.\n\n"
               "ASHTANGA BY THE SEA - 7 nights in Ericeira, Portugal\n"
               "12-19 April 2026\n"
               "Two classes daily with Lena Marsh, vegetarian meals included\n"
               "Shared room: 1,190 EUR / Private room: 1,540 EUR\n"
               "Airport transfers are not included (Lisbon airport is 45 minutes away).",
     "expect": {"style": "Ashtanga", "town": "Ericeira", "nights": 7, "private_room_price": 1540,
                "airport_transfer_included": False}},
    # yoga retreats: an enquiry with typos
    {"prompt": "make it JSON: people, month, experience_level (beginner, intermediate or advanced), "
               "vegan_meals_needed, contact_email\n\n"
               "hi there! me and my freind want to come on the silent retreat in october, we're both total "
               "beginers, is that ok?? also one of us is vegan. you can reach me at ana.ruiz@correo.example. "
               "thx Ana",
     "expect": {"people": 2, "month": "October", "experience_level": "beginner", "vegan_meals_needed": True,
                "contact_email": "ana.ruiz@correo.example"}},
    # airport lounges: a pass, camelCase keys
    {"prompt": "Return a JSON object with loungeName, terminal, guestName, admits and flightNumber. Output JSON "
               "only.\n\n"
               "LOUNGE PASS\n"
               "Aeris Lounge - Terminal 2\n"
               "Guest: Hiroko Sato\n"
               "Valid: 2025-11-22, entry up to 3 hours before departure\n"
               "Flight: LX1613 to Zurich\n"
               "Admits: 2\n"
               "Showers available on request",
     "expect": {"loungeName": "Aeris Lounge", "terminal": 2, "guestName": "Hiroko Sato", "admits": 2,
                "flightNumber": "LX1613"}},
    # airport lounges: a complaint letter
    {"prompt": "Please read this complaint and return JSON with the complainant, lounge, wait_minutes, "
               "entry_granted and refund_requested_eur.\n\n"
               "Dear Customer Relations,\n\nOn 3 March I tried to use the Skyline Lounge at Dublin Airport with "
               "my Priority Pass. After queuing for 40 minutes I was told the lounge was full and I was not "
               "admitted. Nonetheless, a visit fee of 32 EUR was charged to my card. I would ask you to refund "
               "this charge.\n\nYours faithfully,\nNiamh Gallagher",
     "expect": {"complainant": "Niamh Gallagher", "lounge": "Skyline Lounge", "wait_minutes": 40,
                "entry_granted": False, "refund_requested_eur": 32}},
    # pharmacies' flu jabs: a consent form
    {"prompt": "Fill in a JSON record (patient, date_of_birth, egg_allergy, vaccinated_last_year, batch_number) "
               "from this consent form.\n\n"
               "SEASONAL FLU VACCINATION - CONSENT FORM\n"
               "Pharmacy: Linden Road Pharmacy\n"
               "Patient name: Bernard Lemaire\n"
               "Date of birth: 1958-02-11\n"
               "Severe egg allergy? NO\n"
               "Had a flu vaccine last season? YES\n"
               "Vaccine: QIVe, batch FX7712, left arm\n"
               "Administered by: pharmacist J. Osei",
     "expect": {"patient": "Bernard Lemaire", "date_of_birth": "1958-02-11", "egg_allergy": False,
                "vaccinated_last_year": True, "batch_number": "FX7712"}},
    # pharmacies' flu jabs: a promotional text
    {"prompt": "Return JSON: pharmacy, day, start_time, price_eur, appointment_needed.\n\n"
               "Hi from Parkside Pharmacy! Walk-in flu jabs every Saturday 09:00-13:00 this autumn. Free for "
               "over-65s, everyone else 18 EUR. No appointment needed - just pop in!",
     "expect": {"pharmacy": "Parkside Pharmacy", "day": "Saturday", "start_time": "09:00", "price_eur": 18,
                "appointment_needed": False}},
]

# --------------------------------------------------------------------------- choosing and filling a call

PLUMBER_L = _fn("book_plumber_visit", "Send a plumber to a property",
                {"problem": {"type": "string", "enum": ["leak", "blocked drain", "boiler", "toilet"]},
                 "postcode": {"type": "string"},
                 "urgent": {"type": "boolean", "description": "same-day emergency visit"}},
                ["problem", "postcode"])
ELECTRIC_L = _fn("request_electrician_quote", "Ask a local electrician for a price quote",
                 {"job": {"type": "string", "enum": ["rewire", "extra sockets", "ev charger", "consumer unit"]},
                  "address": {"type": "string"},
                  "rooms": {"type": "integer", "description": "rooms affected"}},
                 ["job", "address"])
NURSERY_L = _fn("check_nursery_places", "Check whether a nursery has a free place for a child",
                {"nursery": {"type": "string"},
                 "age_months": {"type": "integer", "description": "child's age in months"},
                 "days_per_week": {"type": "integer"}},
                ["nursery", "age_months"])
DINGHY_L = _fn("reserve_club_dinghy", "Reserve one of the sailing club's dinghies",
               {"boat_class": {"type": "string", "enum": ["Laser", "Topper", "Wayfarer", "RS Feva"]},
                "date": {"type": "string", "description": "YYYY-MM-DD"},
                "hours": {"type": "integer"}},
               ["boat_class", "date"])
ESCAPE_L = _fn("book_escape_room", "Book a game slot at the escape room venue",
               {"room": {"type": "string"}, "players": {"type": "integer"},
                "date": {"type": "string", "description": "YYYY-MM-DD"},
                "time": {"type": "string", "description": "HH:MM"}},
               ["room", "players"])
DONATE_L = _fn("find_donation_sessions", "Find upcoming blood donation sessions in a town",
               {"town": {"type": "string"},
                "donation_type": {"type": "string", "enum": ["whole blood", "plasma", "platelets"]}},
               ["town"])
SNACK_L = _fn("order_snack_combo", "Order a cinema snack combo delivered to your seat",
              {"combo": {"type": "string", "enum": ["small", "medium", "large"]},
               "drink": {"type": "string"}, "seat": {"type": "string", "description": "e.g. F7"}},
              ["combo", "seat"])
VOLUNTEER_L = _fn("assign_volunteer_station", "Assign a marathon volunteer to a station on race day",
                  {"volunteer_name": {"type": "string"},
                   "station": {"type": "string", "enum": ["water", "medical", "finish line", "bag drop"]},
                   "shift_start": {"type": "string", "description": "HH:MM"}},
                  ["volunteer_name", "station"])
CARS_L = _fn("find_nearby_shared_cars", "List car-sharing vehicles available near a location",
             {"location": {"type": "string"},
              "vehicle_type": {"type": "string", "enum": ["small", "estate", "van", "electric"]},
              "radius_m": {"type": "integer", "description": "search radius in metres"}},
             ["location"])
ENDTRIP_L = _fn("end_car_share_trip", "End a car-sharing rental and lock the car",
                {"booking_id": {"type": "string"},
                 "fuel_level_percent": {"type": "integer", "description": "fuel or charge left, 0-100"}},
                ["booking_id"])
TATTOO_L = _fn("book_tattoo_consultation", "Book a free design consultation at the tattoo studio",
               {"artist": {"type": "string"},
                "style": {"type": "string", "enum": ["fineline", "traditional", "blackwork", "realism"]},
                "date": {"type": "string", "description": "YYYY-MM-DD"}},
               ["style"])
POTTERY_L = _fn("enrol_pottery_class", "Enrol someone on a pottery course",
                {"course": {"type": "string", "enum": ["wheel throwing", "hand building", "glazing"]},
                 "participant": {"type": "string"}, "weeks": {"type": "integer"}},
                ["course", "participant"])
KARAOKE_L = _fn("add_song_to_queue", "Add a song to the karaoke queue",
                {"song": {"type": "string"}, "artist": {"type": "string"},
                 "table": {"type": "integer", "description": "table number"}},
                ["song"])
SCOPE_L = _fn("check_telescope_stock", "Check whether a telescope model is in stock",
              {"model": {"type": "string"}, "branch": {"type": "string", "enum": ["Bath", "Bristol", "online"]}},
              ["model"])
HIVE_L = _fn("log_hive_inspection", "Record a beehive inspection in the apiary log",
             {"hive_id": {"type": "string"}, "queen_seen": {"type": "boolean"},
              "varroa_count": {"type": "integer", "description": "mites counted"}},
             ["hive_id"])
REPAIR_L = _fn("get_repair_status", "Get the status of a laptop repair job", {"ticket_id": {"type": "string"}},
               ["ticket_id"])
ESTIMATE_L = _fn("estimate_laptop_repair", "Estimate the cost of a laptop repair",
                 {"brand": {"type": "string"},
                  "fault": {"type": "string", "enum": ["screen", "battery", "keyboard", "charging port",
                                                       "water damage"]}},
                 ["brand", "fault"])
MISSEDBIN_L = _fn("report_missed_bin", "Report a bin the council did not empty on collection day",
                  {"address": {"type": "string"},
                   "bin_type": {"type": "string", "enum": ["general", "recycling", "garden", "food"]}},
                  ["address", "bin_type"])
NEWBIN_L = _fn("order_new_bin", "Order a new or replacement bin from the council",
               {"address": {"type": "string"},
                "bin_type": {"type": "string", "enum": ["general", "recycling", "garden", "food"]},
                "size_litres": {"type": "integer"}},
               ["address", "bin_type"])
ROOMS_L = _fn("search_student_rooms", "Search student accommodation to rent",
              {"city": {"type": "string"}, "max_weekly_rent": {"type": "number", "description": "GBP per week"},
               "ensuite": {"type": "boolean"}},
              ["city"])
RETREAT_L = _fn("find_yoga_retreat", "Search yoga retreats",
                {"country": {"type": "string"},
                 "style": {"type": "string", "enum": ["hatha", "vinyasa", "yin", "ashtanga"]},
                 "nights": {"type": "integer"}},
                ["country"])
LOUNGE_L = _fn("buy_lounge_pass", "Buy airport lounge access",
               {"airport_code": {"type": "string", "description": "IATA code, e.g. LGW"},
                "date": {"type": "string", "description": "YYYY-MM-DD"},
                "people": {"type": "integer", "description": "number of people including you"}},
               ["airport_code", "date"])
FLUJAB_L = _fn("book_flu_jab", "Book a flu vaccination at a pharmacy",
               {"pharmacy": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                "patient_age": {"type": "integer"}},
               ["pharmacy", "date"])

CALL_CASES_L = [
    {"functions": [PLUMBER_L, ELECTRIC_L], "format": "python",                                          # 0
     "question": "Water is dripping through the kitchen ceiling from a leaking pipe upstairs - can you get a "
                 "plumber out today, it's an emergency. Postcode LS6 2QT.",
     "expect": ("book_plumber_visit", {"problem": "leak", "postcode": "LS6 2QT", "urgent": True})},
    {"functions": [ELECTRIC_L, PLUMBER_L], "format": "json",                                            # 1
     "question": "I'd like a quote for fitting an EV charger at 9 Orchard Rise.",
     "expect": ("request_electrician_quote", {"job": "ev charger", "address": "9 Orchard Rise"})},
    {"functions": [NURSERY_L, RETREAT_L], "format": "python",                                           # 2
     "question": "Does Little Acorns Nursery have space for my 18-month-old, three days a week?",
     "expect": ("check_nursery_places", {"nursery": "Little Acorns Nursery", "age_months": 18,
                                         "days_per_week": 3})},
    {"functions": [DINGHY_L, CARS_L], "format": "json",                                                 # 3
     "question": "Can I take one of the club's Toppers out on 2025-08-09 for 2 hours?",
     "expect": ("reserve_club_dinghy", {"boat_class": "Topper", "date": "2025-08-09", "hours": 2})},
    {"functions": [ESCAPE_L, KARAOKE_L], "format": "python",                                            # 4
     "question": "Book Operation Blackout for six players on 2025-10-31 at 20:15.",
     "expect": ("book_escape_room", {"room": "Operation Blackout", "players": 6, "date": "2025-10-31",
                                     "time": "20:15"})},
    {"functions": [DONATE_L, FLUJAB_L], "format": "json",                                               # 5
     "question": "Where can I give plasma in Swansea?",
     "expect": ("find_donation_sessions", {"town": "Swansea", "donation_type": "plasma"})},
    {"functions": [SNACK_L, ESCAPE_L], "format": "python",                                              # 6
     "question": "Could I get a large combo with a Fanta brought to seat H12?",
     "expect": ("order_snack_combo", {"combo": "large", "drink": "Fanta", "seat": "H12"})},
    {"functions": [VOLUNTEER_L, DONATE_L], "format": "json",                                            # 7
     "question": "Put Priya Nair on the medical tent, her shift starts at 06:30.",
     "expect": ("assign_volunteer_station", {"volunteer_name": "Priya Nair", "station": "medical",
                                             "shift_start": "06:30"})},
    {"functions": [CARS_L, LOUNGE_L], "format": "python",                                               # 8
     "question": "Are there any electric cars to share within 500 metres of Alexanderplatz?",
     "expect": ("find_nearby_shared_cars", {"location": "Alexanderplatz", "vehicle_type": "electric",
                                            "radius_m": 500})},
    {"functions": [ENDTRIP_L, CARS_L], "format": "json",                                                # 9
     "question": "I'm finished with the car, please close booking CS-48820. There's 60% fuel left in the tank.",
     "expect": ("end_car_share_trip", {"booking_id": "CS-48820", "fuel_level_percent": 60})},
    {"functions": [TATTOO_L, POTTERY_L], "format": "python",                                            # 10
     "question": "I'd like to sit down with Kai Tanaka to talk through a blackwork piece.",
     "expect": ("book_tattoo_consultation", {"artist": "Kai Tanaka", "style": "blackwork"})},
    {"functions": [POTTERY_L, RETREAT_L], "format": "json",                                             # 11
     "question": "Please sign Joanna Mills up for hand building, 4 weeks.",
     "expect": ("enrol_pottery_class", {"course": "hand building", "participant": "Joanna Mills", "weeks": 4})},
    {"functions": [KARAOKE_L, SNACK_L], "format": "python",                                             # 12
     "question": "Queue up Total Eclipse of the Heart by Bonnie Tyler for table 9!",
     "expect": ("add_song_to_queue", {"song": "Total Eclipse of the Heart", "artist": "Bonnie Tyler",
                                      "table": 9})},
    {"functions": [SCOPE_L, ESTIMATE_L], "format": "json",                                              # 13
     "question": "Have you got the Skyview 200P at the Bath shop?",
     "expect": ("check_telescope_stock", {"model": "Skyview 200P", "branch": "Bath"})},
    {"functions": [HIVE_L, DONATE_L], "format": "python",                                               # 14
     "question": "Log today's check on hive H2: queen spotted, varroa count 11.",
     "expect": ("log_hive_inspection", {"hive_id": "H2", "queen_seen": True, "varroa_count": 11})},
    {"functions": [REPAIR_L, ESTIMATE_L], "format": "json",                                             # 15
     "question": "Any news on my laptop? Ticket LR-31175.",
     "expect": ("get_repair_status", {"ticket_id": "LR-31175"})},
    {"functions": [ESTIMATE_L, REPAIR_L], "format": "python",                                           # 16
     "question": "Roughly what would a new battery for a Dell cost me?",
     "expect": ("estimate_laptop_repair", {"brand": "Dell", "fault": "battery"})},
    {"functions": [MISSEDBIN_L, NEWBIN_L], "format": "json",                                            # 17
     "question": "Nobody emptied the food waste caddy at 7 Wren Close this week.",
     "expect": ("report_missed_bin", {"address": "7 Wren Close", "bin_type": "food"})},
    {"functions": [NEWBIN_L, MISSEDBIN_L], "format": "python",                                          # 18
     "question": "We need a bigger recycling bin, 240 litres, for 15 Mafeking Terrace.",
     "expect": ("order_new_bin", {"address": "15 Mafeking Terrace", "bin_type": "recycling", "size_litres": 240})},
    {"functions": [ROOMS_L, NURSERY_L], "format": "json",                                               # 19
     "question": "Find me an ensuite student room in Glasgow for no more than 190 pounds a week.",
     "expect": ("search_student_rooms", {"city": "Glasgow", "max_weekly_rent": 190, "ensuite": True})},
    {"functions": [RETREAT_L, LOUNGE_L], "format": "python",                                            # 20
     "question": "Are there any yin yoga retreats in Portugal for 5 nights?",
     "expect": ("find_yoga_retreat", {"country": "Portugal", "style": "yin", "nights": 5})},
    {"functions": [LOUNGE_L, FLUJAB_L], "format": "json",                                               # 21
     "question": "Could you get lounge access at MAN on 2025-12-20 for three of us?",
     "expect": ("buy_lounge_pass", {"airport_code": "MAN", "date": "2025-12-20", "people": 3})},
    {"functions": [FLUJAB_L, DONATE_L], "format": "python",                                             # 22
     "question": "Book my flu jab at Parkside Pharmacy on 2025-10-18. I'm 67.",
     "expect": ("book_flu_jab", {"pharmacy": "Parkside Pharmacy", "date": "2025-10-18", "patient_age": 67})},
    {"functions": [PLUMBER_L, MISSEDBIN_L, ELECTRIC_L], "format": "json",                               # 23
     "question": "The boiler's packed up again - please send someone round to BS3 4PA.",
     "expect": ("book_plumber_visit", {"problem": "boiler", "postcode": "BS3 4PA"})},
    {"functions": [DINGHY_L, SCOPE_L], "format": "python",                                              # 24
     "question": "Reserve a Laser for 2025-06-14.",
     "expect": ("reserve_club_dinghy", {"boat_class": "Laser", "date": "2025-06-14"})},
    {"functions": [ESCAPE_L, TATTOO_L], "format": "json",                                               # 25
     "question": "Can we book \"Clockwork Lab\"? We're a team of four.",
     "expect": ("book_escape_room", {"room": "Clockwork Lab", "players": 4})},
    {"functions": [HIVE_L, SCOPE_L], "format": "python",                                                # 26
     "question": "Why do honey bees swarm in late spring?", "expect": None},
    {"functions": [ROOMS_L, CARS_L], "format": "json",                                                  # 27
     "question": "What's the difference between a tenancy deposit and a holding fee?", "expect": None},
    {"functions": [KARAOKE_L, SNACK_L, VOLUNTEER_L], "format": "python",                                # 28
     "question": "Write a short toast for my best friend's 40th birthday.", "expect": None},
    {"functions": [FLUJAB_L, NURSERY_L], "format": "json",                                              # 29
     "question": "Is it normal for my arm to ache the day after a flu jab?", "expect": None},
]
for _case in CALL_CASES_L:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

# --------------------------------------------------------------------------- using a returned result

RESULT_CASES_L = [
    {"case": 0, "call": '[book_plumber_visit(problem="leak", postcode="LS6 2QT", urgent=True)]',
     "result": "Result: {\"engineer\": \"Marek Zielinski\", \"eta\": \"14:20\", \"callout_fee_gbp\": 85}",
     "says": ["Marek Zielinski", "14:20"]},
    {"case": 2, "call": '[check_nursery_places(nursery="Little Acorns Nursery", age_months=18, days_per_week=3)]',
     "result": "Function output: {\"places_available\": false, \"waiting_list_position\": 4, "
               "\"next_opening\": \"2026-01-05\"}",
     "says": ["2026-01-05"]},
    {"case": 4, "call": '[book_escape_room(room="Operation Blackout", players=6, date="2025-10-31", time="20:15")]',
     "result": "{\"booking_ref\": \"ESC-60214\", \"price_eur\": 150, \"arrive_by\": \"20:00\"}",
     "says": ["ESC-60214", "150", "20:00"]},
    {"case": 5, "call": '{"name": "find_donation_sessions", "parameters": {"town": "Swansea", '
                        '"donation_type": "plasma"}}',
     "result": "[{\"venue\": \"Swansea Donor Centre\", \"date\": \"2025-09-04\"}, "
               "{\"venue\": \"Gorseinon Institute\", \"date\": \"2025-09-11\"}]",
     "says": ["Swansea Donor Centre", "Gorseinon Institute"]},
    {"case": 9, "call": '{"name": "end_car_share_trip", "parameters": {"booking_id": "CS-48820", '
                        '"fuel_level_percent": 60}}',
     "result": "Trip closed. Output: {\"minutes\": 94, \"charge_eur\": 23.45, \"car_locked\": true}",
     "says": ["94", "23.45"]},
    {"case": 13, "call": '{"name": "check_telescope_stock", "parameters": {"model": "Skyview 200P", '
                         '"branch": "Bath"}}',
     "result": "Function result: {\"branch\": \"Bath\", \"units\": 0, \"next_delivery\": \"2025-11-28\"}",
     "says": ["2025-11-28"]},
    {"case": 15, "call": '{"name": "get_repair_status", "parameters": {"ticket_id": "LR-31175"}}',
     "result": "Status from the workshop system: {\"stage\": \"awaiting parts\", \"part\": \"keyboard assembly\", "
               "\"ready_by\": \"2025-10-24\"}",
     "says": ["awaiting parts", "2025-10-24"]},
    {"case": 17, "call": '{"name": "report_missed_bin", "parameters": {"address": "7 Wren Close", '
                         '"bin_type": "food"}}',
     "result": "report_missed_bin returned {\"report_id\": \"MB-90412\", \"return_collection\": \"Friday\"}",
     "says": ["MB-90412", "Friday"]},
    {"case": 19, "call": '{"name": "search_student_rooms", "parameters": {"city": "Glasgow", '
                         '"max_weekly_rent": 190, "ensuite": true}}',
     "result": "Result:\n- Caledonia Court, ensuite, 182 GBP/week\n- Kelvin Yards, ensuite, 175 GBP/week",
     "says": ["Caledonia Court", "Kelvin Yards"]},
    {"case": 22, "call": '[book_flu_jab(pharmacy="Parkside Pharmacy", date="2025-10-18", patient_age=67)]',
     "result": "Tool response: {\"confirmed\": true, \"time\": \"11:40\", \"pharmacist\": \"Joseph Osei\"}",
     "says": ["11:40"]},
]
for _case in RESULT_CASES_L:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_L[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]


# --------------------------------------------------------------------------- development set "dev6"
# Written for this benchmark by a session that did not read the practice server's code; studied while
# the practice server was worked on (seen).

# --------------------------------------------------------------------------- JSON extraction

JSON_CASES_M = [
    # opticians
    {"prompt": "Please extract the following from the letter below and return a JSON object with the keys "
               "patient, optician, test_date (YYYY-MM-DD), prescription_changed (true/false) and "
               "next_test_months.\n\n"
               "Dear Adaeze Okonkwo,\n\nThank you for visiting Clearview Opticians for your eye examination on "
               "14 March 2025. We are pleased to let you know that your prescription is unchanged, so your "
               "current glasses remain suitable. We recommend that you book your next examination in 24 "
               "months' time.\n\nYours sincerely,\nThe Clearview Opticians team",
     "expect": {"patient": "Adaeze Okonkwo", "optician": "Clearview Opticians", "test_date": "2025-03-14",
                "prescription_changed": False, "next_test_months": 24}},
    {"prompt": "Turn this order slip into JSON. Keys: order_id, frame, lens_type (single vision, bifocal or "
               "varifocal), price_gbp, ready_in_days.\n\n"
               "ORDER OP-5512\n"
               "Frame ........ Lindberg Air Titanium 2041\n"
               "Lenses ....... varifocal, anti-glare coating\n"
               "Total ........ 389.00 GBP (paid in full)\n"
               "Ready in ..... 10 working days",
     "expect": {"order_id": "OP-5512", "frame": "Lindberg Air Titanium 2041", "lens_type": "varifocal",
                "price_gbp": 389, "ready_in_days": 10}},
    # driving schools
    {"prompt": "hey can u book me in w/ Gary for 2 lessons nxt week?? manual car pls not auto. my provisional "
               "licence no is LRN-882716. thx Priya x\n\n"
               "^ text from a student. Give me JSON with student, instructor, lessons, transmission (manual or "
               "automatic), licence_number.",
     "expect": {"student": "Priya", "instructor": "Gary", "lessons": 2, "transmission": "manual",
                "licence_number": "LRN-882716"}},
    {"prompt": "Output JSON only: candidate, test_centre, driving_faults, serious_faults, passed.\n\n"
               "DRIVING TEST RESULT\n"
               "Candidate: Tomasz Wisniewski\n"
               "Test centre: Hendon\n"
               "Date: 2025-06-03\n"
               "Driving faults: 7\n"
               "Serious faults: 0\n"
               "Result: PASS",
     "expect": {"candidate": "Tomasz Wisniewski", "test_centre": "Hendon", "driving_faults": 7,
                "serious_faults": 0, "passed": True}},
    # aquariums
    {"prompt": "Can you pull the ticket details out of this email as JSON? I need ticketNumber, adults, "
               "children, totalEur and behindTheScenesTour.\n\n"
               "Thanks for booking with Blue Reef Aquarium! Your e-ticket BR-230871 admits two adults and three "
               "children on Sunday. Amount charged: 74.50 EUR. Unfortunately the behind-the-scenes tour was sold "
               "out for that day, so it has not been added to your booking.",
     "expect": {"ticketNumber": "BR-230871", "adults": 2, "children": 3, "totalEur": 74.5,
                "behindTheScenesTour": False}},
    {"prompt": "Fill this schema from the tank log line. Reply with the JSON object and nothing else.\n\n"
               + _schema({"tank_id": {"type": "string"}, "species": {"type": "string"},
                          "temperature_c": {"type": "number"}, "ph": {"type": "number"},
                          "action_needed": {"type": "boolean"}},
                         ["tank_id", "species", "temperature_c", "ph", "action_needed"])
               + "\n\nLog: tank=T14 species=clownfish temp=25.8C ph=8.2 ammonia=0.00 action_needed=no",
     "expect": {"tank_id": "T14", "species": "clownfish", "temperature_c": 25.8, "ph": 8.2,
                "action_needed": False}},
    # food banks
    {"prompt": "We're logging volunteer offers in a spreadsheet. From the message, give me volunteer_name, "
               "hours_per_shift, has_vehicle and email as a JSON object.\n\n"
               "Hi all, I'm Rosa Lindgren and I saw your appeal in the parish newsletter. I could help out on "
               "Saturday mornings, about three hours each time. I also have a van, so I'm happy to do "
               "deliveries if that's useful. My email is rosa.lindgren@postbox.example. Best, Rosa",
     "expect": {"volunteer_name": "Rosa Lindgren", "hours_per_shift": 3, "has_vehicle": True,
                "email": "rosa.lindgren@postbox.example"}},
    {"prompt": "Record this donation as JSON with keys donor, tins, pasta_packets, weight_kg, "
               "collection_needed.\n\n"
               "Donation log 2025-01-18\n"
               "Donor: St Aidan's Primary School\n"
               "Items: 146 tins, 38 packets of pasta\n"
               "Total weight: 92.4 kg\n"
               "Brought in by the school's own staff this morning.",
     "expect": {"donor": "St Aidan's Primary School", "tins": 146, "pasta_packets": 38, "weight_kg": 92.4,
                "collection_needed": False}},
    # hackathons
    {"prompt": "Answer with a JSON object like this one: {\"team_name\": \"...\", \"members\": 0, "
               "\"track\": \"health|climate|fintech\", \"needs_hardware\": false}\n\n"
               "Sign-up form, free text: our team is called Byte Me Tender, there are 4 of us, and we want to "
               "compete in the climate track. We're bringing our own laptops and Raspberry Pis, so no hardware "
               "kit required from you.",
     "expect": {"team_name": "Byte Me Tender", "members": 4, "track": "climate", "needs_hardware": False}},
    {"prompt": "I want to put this announcement into our events feed, which takes JSON. Use the keys event, "
               "city, duration_hours and prize_usd.\n\n"
               "HackTheHarbour is back!! 36 hours of non-stop building in Gdansk, 12-14 September. "
               "$15,000 in prizes, free pizza, free coffee, zero sleep. Sign up by Friday!",
     "expect": {"event": "HackTheHarbour", "city": "Gdansk", "duration_hours": 36, "prize_usd": 15000}},
    # embassies
    {"prompt": "Extract reference, appointment_date, appointment_time, photographs_needed and fee_eur from "
               "the letter. JSON please.\n\n"
               "Embassy of the Republic of Estonia - Consular Section\n\nDear Applicant,\n\nWe confirm your "
               "visa appointment under reference VSA-2025-04417 on 2025-08-12 at 09:15. Please bring your "
               "valid passport and two recent passport photographs. The visa fee of 80 EUR is payable at the "
               "counter by card.\n\nConsular Section",
     "expect": {"reference": "VSA-2025-04417", "appointment_date": "2025-08-12", "appointment_time": "09:15",
                "photographs_needed": 2, "fee_eur": 80}},
    {"prompt": "JSON: applicant, passport_number, urgent (true/false), fee_eur, delivery (post or collection)\n\n"
               "Form PR-3 / Passport renewal\n"
               "Applicant: Haruto Sato\n"
               "Current passport: TK4471920\n"
               "Service: standard processing\n"
               "Fee paid: 112 EUR\n"
               "The new passport will be sent to the applicant by registered post.",
     "expect": {"applicant": "Haruto Sato", "passport_number": "TK4471920", "urgent": False, "fee_eur": 112,
                "delivery": "post"}},
    # gardening centres
    {"prompt": "Convert the product line to JSON with product, pot_litres, price, stock, container_friendly.\n\n"
               "PRODUCT: Hidcote Lavender | POT: 2 L | PRICE: 8.99 | STOCK: 23 | Patio/container friendly: Y",
     "expect": {"product": "Hidcote Lavender", "pot_litres": 2, "price": 8.99, "stock": 23,
                "container_friendly": True}},
    {"prompt": "customer chat from the website, can you make it a json object with bags, bag_litres, store, "
               "order_ref and refund_requested\n\n"
               "\"bought 3 bags of peat-free compost (50L) on saturday from your Redhill store and one of them "
               "was full of broken glass!! i want my money back for it. order ref GC-77120\"",
     "expect": {"bags": 3, "bag_litres": 50, "store": "Redhill", "order_ref": "GC-77120",
                "refund_requested": True}},
    # podcast studios
    {"prompt": "From this booking confirmation return JSON with the keys show, date, hours, engineer and "
               "video_recording (true or false).\n\n"
               "Booking confirmed: Long Table Talks, recording session on 2025-09-09 from 14:00 to 17:00 "
               "(3 hours). Four microphones set up; your engineer for the day is Dele Adeyemi. Video recording "
               "is not included in this package.",
     "expect": {"show": "Long Table Talks", "date": "2025-09-09", "hours": 3, "engineer": "Dele Adeyemi",
                "video_recording": False}},
    {"prompt": "Parse the equipment log line into JSON (item, quantity, checked_out_by, return_by).\n\n"
               "2025-02-11 08:52 CHECKOUT item=\"Shure SM7B\" qty=2 by=mkovacs return_by=2025-02-13 "
               "damaged=false",
     "expect": {"item": "Shure SM7B", "quantity": 2, "checked_out_by": "mkovacs", "return_by": "2025-02-13"}},
    # horse riding
    {"prompt": "Use this JSON schema for the reply:\n"
               + _schema({"rider_name": {"type": "string"}, "rider_weight_kg": {"type": "number"},
                          "level": {"type": "string", "enum": ["beginner", "intermediate", "advanced"]},
                          "lesson_minutes": {"type": "integer"},
                          "hat_hire": {"type": "boolean", "description": "does the rider need to hire a hat"}})
               + "\n\nEnquiry: Hello! I'd like to book a lesson for my daughter, Elsa Moreau. She has ridden a "
                 "few times on holiday but is still very much a beginner, and she weighs 38 kg. A 45-minute "
                 "lesson would be perfect. She already has her own riding hat. Many thanks, Camille",
     "expect": {"rider_name": "Elsa Moreau", "rider_weight_kg": 38, "level": "beginner", "lesson_minutes": 45,
                "hat_hire": False}},
    {"prompt": "Livery statement below. Return horse, yard, monthly_fee, currency and turnout as a JSON object.\n\n"
               "ASHGROVE YARD - LIVERY STATEMENT\n"
               "Horse: Copper Penny\n"
               "Package: full livery, 620 GBP per month\n"
               "Includes daily turnout in the top paddock, hay and bedding.",
     "expect": {"horse": "Copper Penny", "yard": "Ashgrove Yard", "monthly_fee": 620, "currency": "GBP",
                "turnout": True}},
    # kayak rentals
    {"prompt": "Make a JSON with double_kayaks, single_kayaks, people, wetsuits_requested from this whatsapp:\n\n"
               "hiya! could we get 2 double kayaks + 1 single for tmrw 10am? we're 5 ppl, two of us have never "
               "paddled before lol. and can we borrow wetsuits pls, the water looked freezing last time. "
               "- Jonas",
     "expect": {"double_kayaks": 2, "single_kayaks": 1, "people": 5, "wetsuits_requested": True}},
    {"prompt": "For our safety database, extract report_id, kayak_number, location, rescue_minutes and "
               "injured. Format: JSON.\n\n"
               "Incident report IR-0917\nOn 2025-07-21 at 15:40 a single kayak (hull number K-33) capsized "
               "near Heron Point in a sudden gust. The paddler, Ines Duarte, was recovered by staff in the "
               "safety boat within 4 minutes. She was unhurt and the kayak was returned undamaged.",
     "expect": {"report_id": "IR-0917", "kayak_number": "K-33", "location": "Heron Point", "rescue_minutes": 4,
                "injured": False}},
    # charity runs
    {"prompt": "Return JSON with the keys runner, charity, target_gbp, raised_gbp and sponsors.\n\n"
               "Sponsorship page: Leila Mansour is running the Riverside 10K for Hope Hearts on 2025-10-05! "
               "Target: 500 GBP. Raised so far: 362.50 GBP from nineteen sponsors. Every pound helps!",
     "expect": {"runner": "Leila Mansour", "charity": "Hope Hearts", "target_gbp": 500, "raised_gbp": 362.5,
                "sponsors": 19}},
    {"prompt": "Results table from the Parkside Charity Fun Run. Give me JSON with winner, bib (a number), "
               "finish_time and second_place.\n\n"
               "Pos | Bib | Name           | Time\n"
               "1   | 204 | Sven Aalto     | 38:12\n"
               "2   | 117 | Naledi Khumalo | 38:55\n"
               "3   | 342 | Ruairi Byrne   | 39:40\n"
               "4   | 58  | Hana Kobayashi | 40:03",
     "expect": {"winner": "Sven Aalto", "bib": 204, "finish_time": "38:12", "second_place": "Naledi Khumalo"}},
    # hair salons
    {"prompt": "Here's an SMS reminder. Give me the stylist, salon, appointment_date (YYYY-MM-DD), time and "
               "deposit_eur, in JSON.\n\n"
               "Reminder: your cut & colour with Marisol at Studio Twelve is on Fri 25 April 2025 at 11:30. "
               "Deposit paid: 20 EUR. Reply YES to confirm or call us to rearrange.",
     "expect": {"stylist": "Marisol", "salon": "Studio Twelve", "appointment_date": "2025-04-25",
                "time": "11:30", "deposit_eur": 20}},
    {"prompt": "Analyse this review. Return only JSON with salon, service, price, rating and would_return.\n\n"
               "Went to Fringe Benefits on Tuesday for a balayage and Kemal did an amazing job, only took two "
               "hours. Pricey at 145 but honestly worth every penny. Definitely going back!! 5/5",
     "expect": {"salon": "Fringe Benefits", "service": "balayage", "price": 145, "rating": 5,
                "would_return": True}},
    # hostels
    {"prompt": "Booking summary -> JSON, keys: guest, dorm_size, nights, check_in, breakfast_included\n\n"
               "- Guest: Mateus Oliveira\n"
               "- Bed: 1 bed in a 6-bed mixed dorm\n"
               "- Nights: 3\n"
               "- Check-in: 2025-05-30\n"
               "- Breakfast: included\n"
               "- Towel hire: no",
     "expect": {"guest": "Mateus Oliveira", "dorm_size": 6, "nights": 3, "check_in": "2025-05-30",
                "breakfast_included": True}},
    {"prompt": "Read the sign and give me quiet_hours_start, checkout_time, lockers_free (true/false) and "
               "kitchen_closes as JSON.\n\n"
               "WELCOME TO THE SLEEPY FOX HOSTEL!\n"
               "* Quiet hours from 23:00, please respect your roommates\n"
               "* Check-out by 10:30\n"
               "* Lockers are free of charge - bring your own padlock or buy one at reception for 3 EUR\n"
               "* Guest kitchen open 07:00-22:00",
     "expect": {"quiet_hours_start": "23:00", "checkout_time": "10:30", "lockers_free": True,
                "kitchen_closes": "22:00"}},
    # bicycle couriers
    {"prompt": "Dispatch log entry below. I need job_id, pickup_company, rider, distance_km and "
               "signature_required as a JSON object.\n\n"
               "[09:14] JOB J-55821 pickup: Fenwick & Lowe Solicitors, 12 Grey St -> drop: Quayside Court, "
               "3rd floor. Rider: Kofi. Dist 3.4 km. Signature on delivery: REQUIRED.",
     "expect": {"job_id": "J-55821", "pickup_company": "Fenwick & Lowe Solicitors", "rider": "Kofi",
                "distance_km": 3.4, "signature_required": True}},
    {"prompt": "Extract the job offer details (position, hourly_rate, hours_per_week, own_bike_needed) and "
               "reply in JSON.\n\n"
               "Dear Mr Adeyemi-Clarke,\n\nFollowing your interview, we are delighted to offer you the position "
               "of Cargo Bike Courier with Spoke & Parcel. The hourly rate is 14.20 EUR for 25 hours per week. "
               "You will not need to supply your own bicycle: all riders use our fleet of electric cargo "
               "bikes.\n\nKind regards,\nHelena Brandt\nOperations Manager",
     "expect": {"position": "Cargo Bike Courier", "hourly_rate": 14.2, "hours_per_week": 25,
                "own_bike_needed": False}},
    # dog grooming
    {"prompt": "hiya, can I book Pickle in for a full groom + nail trim? she's a cockapoo, 4 yrs old, bit "
               "nervous with the dryers tho. any time thurs works. mob 07700 900412 - Gemma\n\n"
               "Please return dog_name, breed, age_years, owner_phone, nervous in JSON.",
     "expect": {"dog_name": "Pickle", "breed": "cockapoo", "age_years": 4, "owner_phone": "07700 900412",
                "nervous": True}},
    {"prompt": "Price list (small / medium / large dog), all in GBP:\n"
               "Bath & brush ...... 25 / 32 / 40\n"
               "Full groom ........ 38 / 46 / 58\n"
               "Nail trim ......... 8 / 8 / 10\n\n"
               "My dog is medium sized and needs a full groom. Answer as JSON with the keys service, dog_size "
               "and price.",
     "expect": {"service": "full groom", "dog_size": "medium", "price": 46}},
    # pawn shops
    {"prompt": "Transcribe the pawn ticket into JSON: ticket_number (string), customer, loan_amount, "
               "interest_percent, redeem_by.\n\n"
               "PAWN TICKET No. 004417\n"
               "Customer: Dorota Zielinska\n"
               "Item: 18ct gold wedding band, 5.2 g\n"
               "Loan amount: 180.00\n"
               "Interest: 4% per month\n"
               "Redeem by: 2025-12-01",
     "expect": {"ticket_number": "004417", "customer": "Dorota Zielinska", "loan_amount": 180,
                "interest_percent": 4, "redeem_by": "2025-12-01"}},
    {"prompt": "Message received via the shop's contact form. Pull out brand, model, year, hasCase and "
               "askingPrice (JSON).\n\n"
               "Hi there, I've got a Fender Telecaster from 2016, good nick, comes with the original hard case. "
               "Looking for about 600 quid for it. Could I bring it in on Saturday? Cheers, Callum",
     "expect": {"brand": "Fender", "model": "Telecaster", "year": 2016, "hasCase": True, "askingPrice": 600}},
    # observatories
    {"prompt": "From the event listing, produce a JSON object with observatory, date, start_time, ticket_price "
               "and under_16_free.\n\n"
               "PUBLIC STARGAZING NIGHT: Saturn and the Moon\n"
               "Kielder Ridge Observatory - 2025-10-11 - starts 20:30\n"
               "Tickets 12 GBP (under-16s go free)\n"
               "Cancelled if cloudy, with a full refund.",
     "expect": {"observatory": "Kielder Ridge Observatory", "date": "2025-10-11", "start_time": "20:30",
                "ticket_price": 12, "under_16_free": True}},
    {"prompt": "target, exposures, exposure_seconds, seeing_arcsec, cloudy -> JSON\n\n"
               "OBS LOG 2025-03-02 | scope: 0.6m RC | target: M51 | exposures: 24 x 300s | "
               "seeing: 1.8 arcsec | cloud cover: none",
     "expect": {"target": "M51", "exposures": 24, "exposure_seconds": 300, "seeing_arcsec": 1.8,
                "cloudy": False}},
    # climbing gyms
    {"prompt": "Reply with JSON shaped like {\"member\": \"Jane Doe\", \"membership\": \"monthly\", "
               "\"belay_certified\": false, \"shoe_size_eu\": 40}.\n\n"
               "Front desk note, Crux Wall: Anahita Farahani signed up today and bought an annual membership. "
               "She passed her belay check with Tom this afternoon. Rents shoes, EU size 38.",
     "expect": {"member": "Anahita Farahani", "membership": "annual", "belay_certified": True,
                "shoe_size_eu": 38}},
    {"prompt": "New route card. Please give JSON with wall (number), route_name, grade, hold_colour, setter.\n\n"
               "Wall 3 | new route \"Moss Piglet\" | grade 6b+ | orange holds | set by Ruiz | 2025-09-15",
     "expect": {"wall": 3, "route_name": "Moss Piglet", "grade": "6b+", "hold_colour": "orange",
                "setter": "Ruiz"}},
    # veterinary pharmacies
    {"prompt": "Label text below. Extract prescription_id, pet_name, dose_ml, bottle_ml, repeats; output JSON "
               "only.\n\n"
               "Rx VP-20931 | Patient: Luna (feline) | Meloxicam oral suspension 0.5 mg/ml | Give 0.4 ml once "
               "daily with food | Qty: 1 x 15 ml bottle | Repeats: 2 | FOR ANIMAL TREATMENT ONLY",
     "expect": {"prescription_id": "VP-20931", "pet_name": "Luna", "dose_ml": 0.4, "bottle_ml": 15,
                "repeats": 2}},
    {"prompt": "We get orders by email. For this one, fill account, clinic, packs, postcode and next_day in a "
               "JSON object.\n\n"
               "Dear VetMeds Direct,\n\nPlease send 3 packs of Bravecto chewable tablets for large dogs "
               "(20-40 kg) to our clinic at 4 Orchard Road, Taunton, TA1 2PQ. We would like next-day delivery "
               "if possible, as we are nearly out. Our account number is CL-3307.\n\nRegards,\n"
               "Priti Shah\nOrchard Vets",
     "expect": {"account": "CL-3307", "clinic": "Orchard Vets", "packs": 3, "postcode": "TA1 2PQ",
                "next_day": True}},
    # translation agencies
    {"prompt": "Summarise the quote request with source_language, target_language, pages, certified and "
               "deadline_days. Answer in JSON.\n\n"
               "Dear LinguaBridge team,\n\nWe require a certified translation of a fourteen-page commercial "
               "contract from German into English, to be delivered within five working days. Please address "
               "the invoice to Halvorsen Maritime AS.\n\nWith kind regards,\nIngrid Halvorsen",
     "expect": {"source_language": "German", "target_language": "English", "pages": 14, "certified": True,
                "deadline_days": 5}},
    {"prompt": "One row from our job tracker. I'd like it as JSON with job, client, words, rate_per_word and "
               "delivered (true/false).\n\n"
               "JOB    | CLIENT        | LANG  | WORDS | RATE | STATUS\n"
               "TR-881 | Oakmere Foods | FR>NL | 3,250 | 0.11 | delivered",
     "expect": {"job": "TR-881", "client": "Oakmere Foods", "words": 3250, "rate_per_word": 0.11,
                "delivered": True}},
]

# --------------------------------------------------------------------------- choosing and filling a call

EYETEST_M = _fn("book_eye_test", "Book an eye examination at the optician",
                {"name": {"type": "string", "description": "patient's full name"},
                 "date": {"type": "string", "description": "YYYY-MM-DD"},
                 "contact_lens_check": {"type": "boolean", "description": "also check contact lens fit"}},
                ["name", "date"])
LENSES_M = _fn("reorder_contact_lenses", "Reorder a customer's usual contact lenses",
               {"customer_id": {"type": "string"}, "boxes": {"type": "integer"},
                "eye": {"type": "string", "enum": ["left", "right", "both"]}},
               ["customer_id", "boxes"])
LESSON_M = _fn("book_driving_lesson", "Book a driving lesson with the driving school",
               {"instructor": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
                "duration_minutes": {"type": "integer", "enum": [60, 90, 120]},
                "transmission": {"type": "string", "enum": ["manual", "automatic"]}},
               ["date"])
TESTSLOT_M = _fn("find_test_slots", "Find free practical driving test slots at a test centre",
                 {"test_centre": {"type": "string"},
                  "earliest_date": {"type": "string", "description": "YYYY-MM-DD"}},
                 ["test_centre"])
AQUATIX_M = _fn("buy_aquarium_tickets", "Buy entry tickets for the aquarium",
                {"adults": {"type": "integer"}, "children": {"type": "integer"},
                 "date": {"type": "string", "description": "YYYY-MM-DD"}},
                ["adults", "date"])
FEEDING_M = _fn("get_feeding_times", "Get today's public feeding times for an aquarium exhibit",
                {"exhibit": {"type": "string", "enum": ["penguins", "sharks", "otters", "rays"]}},
                ["exhibit"])
FOODBANK_M = _fn("find_food_bank", "Find the nearest food bank to a postcode",
                 {"postcode": {"type": "string"}, "open_today": {"type": "boolean"}},
                 ["postcode"])
SHIFT_M = _fn("register_volunteer_shift", "Sign a volunteer up for a food bank shift",
              {"name": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
               "role": {"type": "string", "enum": ["sorting", "driving", "reception"]}},
              ["name", "date", "role"])
HACKSUB_M = _fn("submit_hackathon_project", "Submit a team's project to the hackathon judges",
                {"team": {"type": "string"}, "project_title": {"type": "string"},
                 "repo_url": {"type": "string"}},
                ["team", "project_title", "repo_url"])
MENTOR_M = _fn("request_mentor", "Ask for a hackathon mentor with a given expertise",
               {"expertise": {"type": "string", "enum": ["frontend", "backend", "machine learning", "hardware"]},
                "table_number": {"type": "integer"}},
               ["expertise"])
VISA_M = _fn("get_visa_requirements", "Check whether a visa is needed for a trip",
             {"citizenship": {"type": "string", "description": "country of citizenship, e.g. Canada"},
              "destination": {"type": "string", "description": "country to visit"},
              "stay_days": {"type": "integer"}},
             ["citizenship", "destination"])
CONSULAR_M = _fn("book_consular_appointment", "Book an appointment at the embassy's consular section",
                 {"service": {"type": "string",
                              "enum": ["passport renewal", "visa application", "document legalisation"]},
                  "date": {"type": "string", "description": "YYYY-MM-DD"}},
                 ["service"])
PLANTSTOCK_M = _fn("check_plant_stock", "Check whether a garden centre branch has a plant in stock",
                   {"plant": {"type": "string"},
                    "branch": {"type": "string", "enum": ["Chichester", "Horsham", "Petersfield"]}},
                   ["plant"])
STUDIO_M = _fn("book_recording_studio", "Book a podcast recording studio",
               {"studio": {"type": "string", "enum": ["A", "B", "C"]},
                "date": {"type": "string", "description": "YYYY-MM-DD"}, "hours": {"type": "integer"},
                "engineer": {"type": "boolean", "description": "include a sound engineer"}},
               ["studio", "date", "hours"])
TRAIL_M = _fn("book_trail_ride", "Book a guided trail ride at the riding stables",
              {"riders": {"type": "integer"},
               "level": {"type": "string", "enum": ["beginner", "intermediate", "advanced"]},
               "date": {"type": "string", "description": "YYYY-MM-DD"}},
              ["riders", "level"])
KAYAK_M = _fn("rent_kayak", "Rent a kayak or paddleboard by the hour",
              {"craft": {"type": "string", "enum": ["single kayak", "double kayak", "paddleboard"]},
               "hours": {"type": "integer"}},
              ["craft", "hours"])
TIDES_M = _fn("get_tide_table", "Get high and low tide times for a place on a date",
              {"location": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"}},
              ["location"])
RUNENTRY_M = _fn("enter_charity_run", "Enter a runner in a charity run",
                 {"event": {"type": "string"}, "runner_name": {"type": "string"},
                  "tshirt_size": {"type": "string", "enum": ["S", "M", "L", "XL"]}},
                 ["event", "runner_name"])
RUNRESULT_M = _fn("get_run_result", "Look up a runner's finish time by bib number",
                  {"event": {"type": "string"}, "bib_number": {"type": "integer"}},
                  ["event", "bib_number"])
SALON_M = _fn("book_salon_appointment", "Book an appointment at the hair salon",
              {"service": {"type": "string", "enum": ["cut", "colour", "blow-dry"]},
               "stylist": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
               "time": {"type": "string", "description": "HH:MM"}},
              ["service", "date"])
HOSTEL_M = _fn("search_hostel_beds", "Search hostels for free dorm beds",
               {"city": {"type": "string"}, "nights": {"type": "integer"},
                "female_only": {"type": "boolean", "description": "female-only dorms"}},
               ["city", "nights"])
COURIER_M = _fn("request_bike_courier", "Send a bicycle courier to collect and deliver a package",
                {"pickup_address": {"type": "string"}, "dropoff_address": {"type": "string"},
                 "cargo_bike": {"type": "boolean", "description": "needs a cargo bike for bulky items"}},
                ["pickup_address", "dropoff_address"])
COURIERQUOTE_M = _fn("quote_courier_delivery", "Get a price for a bike courier delivery",
                     {"distance_km": {"type": "number"}, "urgent": {"type": "boolean"}},
                     ["distance_km"])
GROOM_M = _fn("book_dog_grooming", "Book a dog in at the grooming parlour",
              {"dog_name": {"type": "string"},
               "service": {"type": "string", "enum": ["bath", "full groom", "nail trim"]},
               "date": {"type": "string", "description": "YYYY-MM-DD"}},
              ["dog_name", "service"])
PAWNLOAN_M = _fn("estimate_pawn_loan", "Estimate how much the pawn shop would lend against an item",
                 {"item": {"type": "string"}, "condition": {"type": "string", "enum": ["new", "good", "worn"]}},
                 ["item", "condition"])
PAWNTICKET_M = _fn("check_pawn_ticket", "Look up the status of a pawn ticket",
                   {"ticket_number": {"type": "string"}}, ["ticket_number"])
SKY_M = _fn("get_sky_conditions", "Get the stargazing forecast (cloud, moon, seeing) for an observing site",
            {"site": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"}},
            ["site"])
OBSNIGHT_M = _fn("book_observatory_visit", "Book places on a public observing night at the observatory",
                 {"date": {"type": "string", "description": "YYYY-MM-DD"}, "visitors": {"type": "integer"}},
                 ["date", "visitors"])
OCCUPANCY_M = _fn("get_gym_occupancy", "Get how busy a climbing gym is right now",
                  {"gym": {"type": "string"}}, ["gym"])
BELAY_M = _fn("book_belay_course", "Book a place on an introductory belay course",
              {"name": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"}},
              ["name", "date"])
PETMED_M = _fn("order_pet_medication", "Order pet medication from the veterinary pharmacy",
               {"product": {"type": "string"}, "quantity": {"type": "integer", "description": "number of packs"},
                "pet_weight_kg": {"type": "number"}},
               ["product", "quantity"])
VETRX_M = _fn("check_vet_prescription", "Check whether a vet prescription is ready to collect",
              {"prescription_id": {"type": "string"}}, ["prescription_id"])
TRANSQUOTE_M = _fn("quote_translation", "Get a quote from the translation agency",
                   {"source_language": {"type": "string"}, "target_language": {"type": "string"},
                    "word_count": {"type": "integer"}, "certified": {"type": "boolean"}},
                   ["source_language", "target_language", "word_count"])

CALL_CASES_M = [
    {"functions": [EYETEST_M, LENSES_M], "format": "python",                                            # 0
     "question": "I'd like to get my eyes tested on 2025-11-04, the name's Farid Haddadi. Could they have a "
                 "look at how my contact lenses fit as well?",
     "expect": ("book_eye_test", {"name": "Farid Haddadi", "date": "2025-11-04", "contact_lens_check": True})},
    {"functions": [LENSES_M, EYETEST_M], "format": "json",                                              # 1
     "question": "Same lenses as last time please - 4 boxes, both eyes. Customer number OC-66172.",
     "expect": ("reorder_contact_lenses", {"customer_id": "OC-66172", "boxes": 4, "eye": "both"})},
    {"functions": [LESSON_M, TESTSLOT_M], "format": "python",                                           # 2
     "question": "Can you book me a 90 minute lesson in an automatic with Dana on 2025-09-18?",
     "expect": ("book_driving_lesson", {"instructor": "Dana", "date": "2025-09-18", "duration_minutes": 90,
                                        "transmission": "automatic"})},
    {"functions": [AQUATIX_M, FEEDING_M], "format": "python",                                           # 3
     "question": "Two adults and three kids for the aquarium on 2025-08-09, please.",
     "expect": ("buy_aquarium_tickets", {"adults": 2, "children": 3, "date": "2025-08-09"})},
    {"functions": [FEEDING_M, AQUATIX_M], "format": "json",                                             # 4
     "question": "What time do the otters get fed today?",
     "expect": ("get_feeding_times", {"exhibit": "otters"})},
    {"functions": [FOODBANK_M, SHIFT_M], "format": "python",                                            # 5
     "question": "Is there a food bank near M14 5RQ that's open today?",
     "expect": ("find_food_bank", {"postcode": "M14 5RQ", "open_today": True})},
    {"functions": [SHIFT_M, FOODBANK_M, PLANTSTOCK_M], "format": "json",                               # 6
     "question": "Put Ayo Bello down as a driver for the shift on 2025-12-20.",
     "expect": ("register_volunteer_shift", {"name": "Ayo Bello", "date": "2025-12-20", "role": "driving"})},
    {"functions": [HACKSUB_M, MENTOR_M], "format": "python",                                            # 7
     "question": "We're done! Hand in SeedSwap for team Null Pointers, the code is at "
                 "https://github.com/nullpointers/seedswap",
     "expect": ("submit_hackathon_project", {"team": "Null Pointers", "project_title": "SeedSwap",
                                             "repo_url": "https://github.com/nullpointers/seedswap"})},
    {"functions": [MENTOR_M, HACKSUB_M], "format": "json",                                              # 8
     "question": "our model won't train at all, can someone who knows machine learning come to table 17?",
     "expect": ("request_mentor", {"expertise": "machine learning", "table_number": 17})},
    {"functions": [VISA_M, CONSULAR_M], "format": "python",                                             # 9
     "question": "I'm a citizen of Brazil. Do I need a visa for a 20-day trip to Japan?",
     "expect": ("get_visa_requirements", {"citizenship": "Brazil", "destination": "Japan", "stay_days": 20})},
    {"functions": [CONSULAR_M, VISA_M], "format": "json",                                               # 10
     "question": "I need to renew my passport at the embassy - can I get an appointment on 2025-07-02?",
     "expect": ("book_consular_appointment", {"service": "passport renewal", "date": "2025-07-02"})},
    {"functions": [PLANTSTOCK_M, SHIFT_M], "format": "python",                                          # 11
     "question": "Do you have a Japanese maple at the Horsham branch?",
     "expect": ("check_plant_stock", {"plant": "Japanese maple", "branch": "Horsham"})},
    {"functions": [STUDIO_M, HACKSUB_M], "format": "json",                                              # 12
     "question": "Book Studio C for 3 hours on 2025-10-02. We'll want a sound engineer there too.",
     "expect": ("book_recording_studio", {"studio": "C", "date": "2025-10-02", "hours": 3, "engineer": True})},
    {"functions": [TRAIL_M, KAYAK_M], "format": "python",                                               # 13
     "question": "There are four of us, all complete beginners, and we fancy a hack out on 2025-06-14.",
     "expect": ("book_trail_ride", {"riders": 4, "level": "beginner", "date": "2025-06-14"})},
    {"functions": [KAYAK_M, TIDES_M], "format": "json",                                                 # 14
     "question": "I'd like to hire a paddleboard for 2 hours.",
     "expect": ("rent_kayak", {"craft": "paddleboard", "hours": 2})},
    {"functions": [RUNENTRY_M, RUNRESULT_M], "format": "python",                                        # 15
     "question": "Please enter Beatriz Nunes in the Harbour Lights 5K - she wears a medium t-shirt.",
     "expect": ("enter_charity_run", {"event": "Harbour Lights 5K", "runner_name": "Beatriz Nunes",
                                      "tshirt_size": "M"})},
    {"functions": [SALON_M, GROOM_M], "format": "python",                                               # 16
     "question": "Can I get a blow-dry with Jo on 2025-05-09 at 16:00?",
     "expect": ("book_salon_appointment", {"service": "blow-dry", "stylist": "Jo", "date": "2025-05-09",
                                           "time": "16:00"})},
    {"functions": [HOSTEL_M, TIDES_M], "format": "json",                                                # 17
     "question": "Looking for a bed in a female-only dorm in Lisbon for 3 nights.",
     "expect": ("search_hostel_beds", {"city": "Lisbon", "nights": 3, "female_only": True})},
    {"functions": [COURIER_M, COURIERQUOTE_M], "format": "json",                                        # 18
     "question": "Send a rider with a cargo bike to pick up from 41 Canal Street and drop it at 9 Weaver Row.",
     "expect": ("request_bike_courier", {"pickup_address": "41 Canal Street", "dropoff_address": "9 Weaver Row",
                                         "cargo_bike": True})},
    {"functions": [GROOM_M, SALON_M], "format": "python",                                               # 19
     "question": "Rolo's claws are clicking on the floor again, can he come in for a nail trim on 2025-03-27?",
     "expect": ("book_dog_grooming", {"dog_name": "Rolo", "service": "nail trim", "date": "2025-03-27"})},
    {"functions": [PAWNLOAN_M, PAWNTICKET_M], "format": "json",                                         # 20
     "question": "How much could I borrow against a Rolex Submariner in good condition?",
     "expect": ("estimate_pawn_loan", {"item": "Rolex Submariner", "condition": "good"})},
    {"functions": [PAWNTICKET_M, PAWNLOAN_M, COURIER_M], "format": "python",                            # 21
     "question": "Could you check pawn ticket 00-78812 for me? I want to know if it's still redeemable.",
     "expect": ("check_pawn_ticket", {"ticket_number": "00-78812"})},
    {"functions": [SKY_M, OBSNIGHT_M], "format": "json",                                                # 22
     "question": "What are the stargazing conditions looking like at Galloway Forest tonight?",
     "expect": ("get_sky_conditions", {"site": "Galloway Forest"})},
    {"functions": [OCCUPANCY_M, BELAY_M], "format": "python",                                           # 23
     "question": "Is the Boulder Barn rammed at the moment?",
     "expect": ("get_gym_occupancy", {"gym": "Boulder Barn"})},
    {"functions": [PETMED_M, VETRX_M], "format": "json",                                                # 24
     "question": "Order 2 packs of Simparica for my dog, she's 12 kg.",
     "expect": ("order_pet_medication", {"product": "Simparica", "quantity": 2, "pet_weight_kg": 12})},
    {"functions": [TRANSQUOTE_M, CONSULAR_M], "format": "python",                                       # 25
     "question": "What would you charge for a certified translation of 2,400 words from Polish to English?",
     "expect": ("quote_translation", {"source_language": "Polish", "target_language": "English",
                                      "word_count": 2400, "certified": True})},
    {"functions": [VETRX_M, PETMED_M], "format": "json",                                                # 26
     "question": "Is chocolate actually poisonous for dogs, or is that a myth?", "expect": None},
    {"functions": [SKY_M, OCCUPANCY_M], "format": "python",                                             # 27
     "question": "Why does Mars look red in the night sky?", "expect": None},
    {"functions": [HOSTEL_M, KAYAK_M, TIDES_M], "format": "json",                                       # 28
     "question": "Write me a haiku about rain on a hostel window.", "expect": None},
    {"functions": [TRANSQUOTE_M, VISA_M], "format": "python",                                           # 29
     "question": "How do you say 'thank you' in Finnish?", "expect": None},
]
for _case in CALL_CASES_M:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

# --------------------------------------------------------------------------- using a returned result

RESULT_CASES_M = [
    {"case": 0, "call": '[book_eye_test(name="Farid Haddadi", date="2025-11-04", contact_lens_check=True)]',
     "result": "Result: {\"booked\": true, \"time\": \"10:20\", \"optometrist\": \"Hannah Reyes\"}",
     "says": ["10:20", "Hannah Reyes"]},
    {"case": 2, "call": '[book_driving_lesson(instructor="Dana", date="2025-09-18", duration_minutes=90, '
                        'transmission="automatic")]',
     "result": "Function output: {\"lesson_id\": \"DL-6620\", \"start\": \"15:30\", "
               "\"pickup_point\": \"Elm Road library\"}",
     "says": ["15:30", "Elm Road library"]},
    {"case": 4, "call": '{"name": "get_feeding_times", "parameters": {"exhibit": "otters"}}',
     "result": "[\"11:15\", \"15:45\"]", "says": ["11:15", "15:45"]},
    {"case": 5, "call": '[find_food_bank(postcode="M14 5RQ", open_today=True)]',
     "result": "find_food_bank returned: {\"name\": \"Rusholme Community Pantry\", \"address\": \"22 Wilmslow "
               "Road\", \"open_until\": \"18:00\"}",
     "says": ["Rusholme Community Pantry", "18:00"]},
    {"case": 9, "call": '[get_visa_requirements(citizenship="Brazil", destination="Japan", stay_days=20)]',
     "result": "Result: {\"visa_required\": false, \"max_stay_days\": 90, \"passport_validity\": "
               "\"valid for the whole stay\"}",
     "says": ["90"]},
    {"case": 12, "call": '{"name": "book_recording_studio", "parameters": {"studio": "C", "date": "2025-10-02", '
                         '"hours": 3, "engineer": true}}',
     "result": "Booking system says: {\"confirmation\": \"PS-3391\", \"engineer\": \"Yusuf Demir\", "
               "\"total_gbp\": 210}",
     "says": ["PS-3391", "Yusuf Demir", "210"]},
    {"case": 17, "call": '{"name": "search_hostel_beds", "parameters": {"city": "Lisbon", "nights": 3, '
                         '"female_only": true}}',
     "result": "Function result:\n- Casa Amarela Hostel: 22 EUR per night\n- Lighthouse Lisbon: 27 EUR per night",
     "says": ["Casa Amarela Hostel", "Lighthouse Lisbon"]},
    {"case": 20, "call": '{"name": "estimate_pawn_loan", "parameters": {"item": "Rolex Submariner", '
                         '"condition": "good"}}',
     "result": "{\"loan_offer_gbp\": 850, \"term_months\": 6, \"monthly_interest_percent\": 3.5}",
     "says": ["850", "3.5"]},
    {"case": 22, "call": '{"name": "get_sky_conditions", "parameters": {"site": "Galloway Forest"}}',
     "result": "Tool output: {\"cloud_cover_percent\": 10, \"moon\": \"new moon\", \"best_window\": "
               "\"22:00-02:00\"}",
     "says": ["22:00", "02:00"]},
    {"case": 25, "call": '[quote_translation(source_language="Polish", target_language="English", '
                         'word_count=2400, certified=True)]',
     "result": "Output: {\"price_eur\": 312.0, \"delivery_date\": \"2025-06-11\"}",
     "says": ["312", "2025-06-11"]},
]
for _case in RESULT_CASES_M:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_M[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]


# --------------------------------------------------------------------------- the ninth set ("final3")
# Written for this benchmark by a session that did not read the practice server's code, committed before
# the work it judges, and not run until that work ended: the goals' measure after the eighth.

# --------------------------------------------------------------------------- JSON extraction

JSON_CASES_I = [
    # dentists
    {"prompt": "Extract the appointment details as JSON: patient, practice, treatment, date, time.\n\n"
               "SMS: Hi Ruth Abara, Brightsmile Dental here. Your filling is booked for 2025-11-06 at 08:40. "
               "Reply C to cancel.",
     "expect": {"patient": "Ruth Abara", "practice": "Brightsmile Dental", "date": "2025-11-06", "time": "08:40"}},
    # libraries
    {"prompt": "Answer with JSON shaped like {\"card\": \"L-00000\", \"items_overdue\": 0, \"fine_eur\": 0.0, "
               "\"can_borrow\": true}.\n\nNotice from Westgate Library: card L-55817 currently has three overdue "
               "items and an unpaid fine of 4.80 EUR. Borrowing is suspended until the fine is cleared.",
     "expect": {"card": "L-55817", "items_overdue": 3, "fine_eur": 4.8, "can_borrow": False}},
    # car rentals
    {"prompt": "Fill in this JSON schema from the confirmation below. Output JSON only.\n\n"
               + _schema({"pickup_location": {"type": "string"},
                          "pickup_date": {"type": "string", "description": "YYYY-MM-DD"},
                          "return_date": {"type": "string", "description": "YYYY-MM-DD"},
                          "car_class": {"type": "string", "enum": ["economy", "compact", "suv", "van"]},
                          "extra_driver": {"type": "boolean"}},
                         ["pickup_location", "pickup_date", "return_date", "car_class", "extra_driver"])
               + "\n\nConfirmation RX-4410: collect your Hyundai i20 (Economy) at Faro Airport on 2 August 2025 "
                 "and return it on 9 August 2025. Additional driver: not added.",
     "expect": {"pickup_location": "Faro Airport", "pickup_date": "2025-08-02", "return_date": "2025-08-09",
                "car_class": "economy", "extra_driver": False}},
    # theatres
    {"prompt": "Extract the booking as JSON with keys show, performance_date, seats, row and total_gbp.\n\n"
               "Booking confirmed! 2 seats in row F for Paper Lanterns at the Crescent Theatre on 2025-10-18, "
               "curtain up 19:30. Total paid: 78.00 GBP.",
     "expect": {"show": "Paper Lanterns", "performance_date": "2025-10-18", "seats": 2, "row": "F",
                "total_gbp": 78}},
    # bakeries
    {"prompt": "Make JSON with the keys customer, cake, tiers, collection_date and delivery (true/false).\n"
               "Order note: Hamid Rostami wants a three-tier lemon and elderflower cake. He'll pick it up from "
               "the shop on 2025-06-14.",
     "expect": {"customer": "Hamid Rostami", "tiers": 3, "collection_date": "2025-06-14", "delivery": False}},
    # conferences
    {"prompt": "Registration email -> JSON. Keys: attendee, company, ticket_type (standard, student or VIP), "
               "workshop_days, vegan.\n\nHi, please register Amelia Kurz from Vantor Systems for PyNorth 2025. "
               "She'll need a student ticket and wants to attend both workshop days. Dietary requirement: vegan. "
               "Thanks, Lars",
     "expect": {"attendee": "Amelia Kurz", "company": "Vantor Systems", "ticket_type": "student",
                "workshop_days": 2, "vegan": True}},
    # pet adoption
    {"prompt": "Summarise this adoption application in JSON (applicant, pet_name, has_garden, other_pets).\n\n"
               "Application from Leonie Brandt for Clover, the lop-eared rabbit. I live in a ground-floor flat "
               "with a small fenced garden, work from home, and Clover would be my only pet.",
     "expect": {"applicant": "Leonie Brandt", "pet_name": "Clover", "has_garden": True, "other_pets": False}},
    # insurance claims
    {"prompt": "You are a claims assistant. From the email, produce a JSON object with:\n- policy_number\n"
               "- claimant\n- incident_date (YYYY-MM-DD)\n- claim_amount (number)\n- police_report (true/false)\n\n"
               "Email:\nDear Sir or Madam,\nMy bicycle was stolen from outside my flat on 2 May 2025. It cost "
               "1,240 GBP when new. I reported the theft to the police the same evening (crime reference "
               "44/1187). My policy number is HN-3390217.\nRegards,\nCallum Reid",
     "expect": {"policy_number": "HN-3390217", "claimant": "Callum Reid", "incident_date": "2025-05-02",
                "claim_amount": 1240, "police_report": True}},
    # job applications
    {"prompt": "Extract from this cover letter a JSON object with candidate, position, years_experience, "
               "notice_period_weeks and willing_to_relocate.\n\nDear hiring manager,\nI am writing to apply for "
               "the Junior Cartographer role at Polder Maps. I have five years of experience with GIS tools, my "
               "notice period is four weeks, and I would be glad to move to Utrecht for the job.\n"
               "Yours sincerely,\nMireille Chabot",
     "expect": {"candidate": "Mireille Chabot", "position": "Junior Cartographer", "years_experience": 5,
                "notice_period_weeks": 4, "willing_to_relocate": True}},
    # concerts
    {"prompt": "Answer in JSON with the keys artist, venue, date, doors_open and standing.\n\nE-TICKET\n"
               "Marisol Vega & The Tides\nHarbour Arena - Friday 2025-11-14\nDoors 18:30 / Show 20:00\n"
               "Standing - general admission",
     "expect": {"artist": "Marisol Vega & The Tides", "venue": "Harbour Arena", "date": "2025-11-14",
                "doors_open": "18:30", "standing": True}},
    # museums
    {"prompt": "Read this visitor review and give me JSON with museum, rating, free_entry, cafe_open and closes.\n\n"
               "Spent a rainy afternoon at the Holloway Museum of Maps. Entry was free, which was lovely, but the "
               "cafe was closed for refurbishment. The globe room alone is worth the trip. 4 out of 5. Note they "
               "shut at 17:30.",
     "expect": {"museum": "Holloway Museum of Maps", "rating": 4, "free_entry": True, "cafe_open": False,
                "closes": "17:30"}},
    # electricity bills
    {"prompt": "Turn this electricity bill into JSON: account_number, kwh_used, amount_due, direct_debit, "
               "collection_date.\n\nVoltaro Energy - your January bill\nAccount: 7700-4412-09\n"
               "Period: 2025-01-01 to 2025-01-31\nElectricity used: 342 kWh\nAmount due: 118.65 EUR\n"
               "This will be collected by direct debit on 2025-02-14.",
     "expect": {"account_number": "7700-4412-09", "kwh_used": 342, "amount_due": 118.65, "direct_debit": True,
                "collection_date": "2025-02-14"}},
    # e-scooters
    {"prompt": "Here's a ride receipt line. JSON with ride_id, distance_km, duration_minutes, cost please.\n\n"
               "ride=SC-99812 from=Kings Cross to=Angel dist=2.7km time=14min fare=3.85GBP",
     "expect": {"ride_id": "SC-99812", "distance_km": 2.7, "duration_minutes": 14, "cost": 3.85}},
    # tailoring
    {"prompt": "I need JSON with the keys client, chest_cm, sleeve_cm, fittings and ready_date.\n"
               "Workshop card: bespoke shirt for Lucia Ortega - chest 96 cm, sleeve 61.5 cm. Two fittings before "
               "collection; ready on 2025-04-10.",
     "expect": {"client": "Lucia Ortega", "chest_cm": 96, "sleeve_cm": 61.5, "fittings": 2,
                "ready_date": "2025-04-10"}},
    # recycling centres
    {"prompt": "Give JSON with site, opens, closes, accepts_mattresses and booking_required.\n\n"
               "Eastfield Recycling Centre is open daily from 08:00 to 16:00. We take garden waste, fridges and "
               "mattresses, but not asbestos. Just turn up - no appointment needed.",
     "expect": {"site": "Eastfield Recycling Centre", "opens": "08:00", "closes": "16:00",
                "accepts_mattresses": True, "booking_required": False}},
    # chess clubs
    {"prompt": "Record this game result as JSON: white, black, winner, moves, opening.\n"
               "Club night, round 4: Ilse Vermeer (White) beat Tariq Aziz (Black) in 38 moves. "
               "Opening: Sicilian Defence.",
     "expect": {"white": "Ilse Vermeer", "black": "Tariq Aziz", "winner": "Ilse Vermeer", "moves": 38,
                "opening": "Sicilian Defence"}},
    # airports
    {"prompt": "Format the announcement as JSON with keys flight_number, destination, gate, gate_closes and "
               "final_call (true/false).\n\nThis is the final call for passengers on flight EW7314 to Stuttgart. "
               "Please proceed immediately to gate A14; the gate closes at 21:05.",
     "expect": {"flight_number": "EW7314", "destination": "Stuttgart", "gate": "A14", "gate_closes": "21:05",
                "final_call": True}},
    # farms
    {"prompt": "Herd record to JSON - keys: ear_tag, name, breed, daily_yield_litres, organic.\n\n"
               "Cow FR-1187 'Bluebell', Jersey, born 2021-04-09. Average yield 22.5 litres a day. "
               "Farm certified organic since 2019.",
     "expect": {"ear_tag": "FR-1187", "name": "Bluebell", "breed": "Jersey", "daily_yield_litres": 22.5,
                "organic": True}},
    # wedding venues
    {"prompt": "We keep wedding enquiries as JSON objects with venue, wedding_date, guests, in_house_catering and "
               "outdoor_ceremony. Please make one from this email.\n\nHello! We're Aisha and Connor and we'd love "
               "to hold our wedding at Thornbury Barn on 2026-06-20. We're expecting 120 guests, we'd like to use "
               "your own catering team, and we're hoping for the ceremony outside in the orchard.",
     "expect": {"venue": "Thornbury Barn", "wedding_date": "2026-06-20", "guests": 120, "in_house_catering": True,
                "outdoor_ceremony": True}},
    # bookshops
    {"prompt": "Put the book's title under \"title\", the author under \"author\", the price under \"price\" and "
               "whether it is a signed copy under \"signed\", and send it back as a JSON object.\n\n"
               "Just in at Marlowe & Quill Books: a signed first edition of Salt Cartographer by Yewande Ojo, "
               "45 GBP.",
     "expect": {"title": "Salt Cartographer", "author": "Yewande Ojo", "price": 45, "signed": True}},
    # language exchanges
    {"prompt": "Language exchange board post. Give me name, native_language, learning, level and meeting_day as "
               "JSON.\n\nHola! I'm Kenji Watanabe, a native Japanese speaker learning Spanish (around B1). I'm free "
               "on Tuesday evenings and happy to meet at Cafe Lumen.",
     "expect": {"name": "Kenji Watanabe", "native_language": "Japanese", "learning": "Spanish", "level": "B1"}},
    # bike repairs
    {"prompt": "Job card -> JSON (bike, parts_cost, labour_cost, customer_waiting)\n\n"
               "Job 5521 | Trek FX 3 | replace chain + rear cassette, true front wheel | parts 64.00 | "
               "labour 30.00 | customer will collect tomorrow after 17:00",
     "expect": {"bike": "Trek FX 3", "parts_cost": 64, "labour_cost": 30, "customer_waiting": False}},
    # dentists
    {"prompt": "Please convert this new-patient form into a JSON object with the keys full_name, date_of_birth, "
               "first_visit (true/false), insurer and allergy.\n\nNEW PATIENT FORM\nName: Kofi Boateng\n"
               "Date of birth: 1979-03-22\nPrevious dentist: none - never registered anywhere\n"
               "Dental plan: Denplan Essentials\nAllergies: penicillin",
     "expect": {"full_name": "Kofi Boateng", "date_of_birth": "1979-03-22", "first_visit": True,
                "insurer": "Denplan Essentials", "allergy": "penicillin"}},
    # theatres
    {"prompt": "Reply in JSON with `actorName`, `roleName` and `productionTitle`.\n\nCasting news: Oskar Lindgren "
               "has been cast as Benedick in our autumn production of Much Ado About Nothing at the Globe Street "
               "Playhouse.",
     "expect": {"actorName": "Oskar Lindgren", "roleName": "Benedick", "productionTitle": "Much Ado About Nothing"}},
    # car rentals
    {"prompt": "Return-inspection note below. Give me JSON with plate, km_driven, full_tank and damage_found.\n\n"
               "Vehicle check-in, Renault Clio GH-482-TK: returned with the tank full, 612 km driven during the "
               "rental, small scratch on the rear bumper noted by staff.",
     "expect": {"plate": "GH-482-TK", "km_driven": 612, "full_tank": True, "damage_found": True}},
    # bakeries
    {"prompt": "From the chalkboard below, return JSON with keys product, price, gluten_free, available.\n\n"
               "TODAY: Sourdough rye loaf - 4.20 - contains gluten - SOLD OUT, back tomorrow!",
     "expect": {"product": "Sourdough rye loaf", "price": 4.2, "gluten_free": False, "available": False}},
    # pet adoption
    {"prompt": "Parse this shelter log line into JSON with the keys animal_id, species, weight_kg, microchipped.\n\n"
               "2025-03-04 09:12 INTAKE id=A-7731 species=dog breed=collie-cross weight=18.5kg microchipped=no "
               "found=Riverside Park",
     "expect": {"animal_id": "A-7731", "species": "dog", "weight_kg": 18.5, "microchipped": False}},
    # insurance claims
    {"prompt": "Return a JSON object with claim_id, vehicle, damage_severity (low, medium or high) and injuries.\n"
               "Claim C-20931: minor bump while parking, Skoda Octavia, slightly dented rear bumper, nobody was "
               "hurt.",
     "expect": {"claim_id": "C-20931", "vehicle": "Skoda Octavia", "damage_severity": "low", "injuries": False}},
    # job applications
    {"prompt": "Output JSON only, in this form: {\"applicant_id\": \"\", \"stage\": \"\", \"interview_date\": \"\", "
               "\"rejected\": false}\nRecruiter note: Candidate APP-66120 has passed the phone screen and is "
               "through to the technical interview stage, booked for 2025-09-24.",
     "expect": {"applicant_id": "APP-66120", "interview_date": "2025-09-24", "rejected": False}},
    # concerts
    {"prompt": "can you turn this into json? band, city, ticket_price\n\nomg Velvet Paloma are playing in Tampere "
               "on March 8th!! tickets are 39 euros each, who's in??",
     "expect": {"band": "Velvet Paloma", "city": "Tampere", "ticket_price": 39}},
    # museums
    {"prompt": "Extract the object label into JSON using this schema, and reply with the JSON object only:\n"
               + _schema({"object": {"type": "string"}, "material": {"type": "string"},
                          "height_cm": {"type": "number"}, "on_loan": {"type": "boolean"},
                          "lender": {"type": "string"}})
               + "\n\nLabel: Ritual bell, cast bronze, about 1200 BC. Height 34 cm. On loan from the Ashcombe "
                 "Collection.",
     "expect": {"object": "Ritual bell", "height_cm": 34, "on_loan": True, "lender": "Ashcombe Collection"}},
    # e-scooters
    {"prompt": "Please classify this report and answer with a JSON object: scooter_id, street, issue_type (brakes, "
               "battery, tyre or other), blocking_pavement (true/false).\n\n\"Scooter LX-2207 is lying right across "
               "the pavement on Dock Road and its back tyre is completely flat.\"",
     "expect": {"scooter_id": "LX-2207", "street": "Dock Road", "issue_type": "tyre", "blocking_pavement": True}},
]

# --------------------------------------------------------------------------- choosing and filling a call

DENTAL_I = _fn("book_dental_visit", "Book an appointment at the dental practice",
               {"patient_name": {"type": "string"},
                "visit_type": {"type": "string", "enum": ["check-up", "hygiene", "emergency"]},
                "date": {"type": "string", "description": "YYYY-MM-DD"}},
               ["patient_name", "visit_type"])
RENEW_I = _fn("renew_library_loan", "Extend the loan period of a borrowed library item",
              {"card_number": {"type": "string"}, "item_barcode": {"type": "string"},
               "weeks": {"type": "integer", "description": "extra weeks"}},
              ["card_number", "item_barcode"])
CARHIRE_I = _fn("quote_car_hire", "Get a price quote for hiring a car",
                {"pickup_city": {"type": "string"}, "days": {"type": "integer"},
                 "automatic": {"type": "boolean", "description": "automatic gearbox"}},
                ["pickup_city", "days"])
THEATRE_I = _fn("reserve_theatre_seats", "Reserve seats for a theatre performance",
                {"show": {"type": "string"},
                 "performance_date": {"type": "string", "description": "YYYY-MM-DD"},
                 "seats": {"type": "integer"},
                 "section": {"type": "string", "enum": ["stalls", "circle", "balcony"]}},
                ["show", "seats"])
BAKERY_I = _fn("place_bakery_order", "Place an order at the bakery for collection",
               {"item": {"type": "string"}, "quantity": {"type": "integer"},
                "pickup_time": {"type": "string", "description": "HH:MM"}},
               ["item", "quantity"])
CONFERENCE_I = _fn("register_for_conference", "Register an attendee for a conference",
                   {"conference": {"type": "string"}, "attendee_email": {"type": "string"},
                    "ticket": {"type": "string", "enum": ["standard", "student", "speaker"]}},
                   ["conference", "attendee_email", "ticket"])
ADOPT_I = _fn("search_adoptable_pets", "Search animal shelters for pets available for adoption",
              {"species": {"type": "string", "enum": ["dog", "cat", "rabbit"]}, "city": {"type": "string"},
               "max_age_years": {"type": "integer"}},
              ["species"])
CLAIM_I = _fn("check_claim_status", "Look up the progress of an insurance claim",
              {"claim_reference": {"type": "string"}}, ["claim_reference"])
JOBS_I = _fn("search_job_openings", "Search current job vacancies",
             {"keywords": {"type": "string"}, "location": {"type": "string"},
              "remote_only": {"type": "boolean"}},
             ["keywords"])
CONCERT_I = _fn("find_concerts", "Find upcoming concerts by an artist",
                {"artist": {"type": "string"}, "city": {"type": "string"}}, ["artist"])
MUSEUM_I = _fn("get_museum_hours", "Get a museum's opening hours",
               {"museum": {"type": "string"},
                "day": {"type": "string", "enum": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                   "Saturday", "Sunday"]}},
               ["museum"])
METER_I = _fn("submit_meter_reading", "Send an electricity meter reading to the energy supplier",
              {"account_number": {"type": "string"}, "reading_kwh": {"type": "integer"}},
              ["account_number", "reading_kwh"])
SCOOTER_I = _fn("unlock_scooter", "Unlock a shared e-scooter to start a ride",
                {"scooter_id": {"type": "string"}}, ["scooter_id"])
FITTING_I = _fn("book_fitting", "Book a fitting with the tailor",
                {"garment": {"type": "string", "enum": ["suit", "dress", "shirt", "coat"]},
                 "date": {"type": "string", "description": "YYYY-MM-DD"},
                 "time": {"type": "string", "description": "HH:MM"}},
                ["garment", "date"])
RECYCLE_I = _fn("check_centre_accepts", "Check whether a recycling centre accepts a kind of waste",
                {"item": {"type": "string", "enum": ["batteries", "paint", "electricals", "textiles",
                                                     "garden waste"]},
                 "centre": {"type": "string"}},
                ["item"])
CHESS_I = _fn("get_chess_rating", "Get a chess club member's current rating",
              {"player_name": {"type": "string"},
               "time_control": {"type": "string", "enum": ["classical", "rapid", "blitz"]}},
              ["player_name"])
SECURITY_I = _fn("get_security_wait", "Get the current security queue time at an airport",
                 {"airport_code": {"type": "string", "description": "IATA code, e.g. LHR"},
                  "terminal": {"type": "integer"}},
                 ["airport_code"])
FARMBOX_I = _fn("order_farm_box", "Subscribe to a weekly vegetable box from the farm",
                {"box_size": {"type": "string", "enum": ["small", "medium", "large"]},
                 "weeks": {"type": "integer"}, "eggs": {"type": "boolean", "description": "add a box of eggs"}},
                ["box_size"])
VENUE_I = _fn("check_venue_availability", "Check whether a wedding venue is free on a date",
              {"venue": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"},
               "guests": {"type": "integer"}},
              ["venue", "date"])
BOOKORDER_I = _fn("order_book", "Order copies of a book from the bookshop's supplier",
                  {"title": {"type": "string"}, "author": {"type": "string"}, "copies": {"type": "integer"}},
                  ["title"])
PARTNER_I = _fn("find_language_partner", "Find a language exchange partner",
                {"offer_language": {"type": "string", "description": "the language you speak"},
                 "learn_language": {"type": "string", "description": "the language you want to practise"},
                 "city": {"type": "string"}},
                ["offer_language", "learn_language"])
BIKEFIX_I = _fn("book_bike_repair", "Book a bicycle into the repair workshop",
                {"service": {"type": "string", "enum": ["puncture", "brakes", "gears", "full service"]},
                 "date": {"type": "string", "description": "YYYY-MM-DD"}},
                ["service"])

CALL_CASES_I = [
    {"functions": [DENTAL_I, RENEW_I], "format": "python",                                              # 0
     "question": "I'd like to book a hygiene appointment for Marta Kowalczyk on 2025-10-21.",
     "expect": ("book_dental_visit", {"patient_name": "Marta Kowalczyk", "visit_type": "hygiene",
                                      "date": "2025-10-21"})},
    {"functions": [RENEW_I, SCOOTER_I], "format": "json",                                               # 1
     "question": "Could you renew item 3900128447 on library card LC-20417 for another 2 weeks?",
     "expect": ("renew_library_loan", {"card_number": "LC-20417", "item_barcode": "3900128447", "weeks": 2})},
    {"functions": [CARHIRE_I, SECURITY_I], "format": "python",                                          # 2
     "question": "How much would it cost to rent an automatic in Bordeaux for 6 days?",
     "expect": ("quote_car_hire", {"pickup_city": "Bordeaux", "days": 6, "automatic": True})},
    {"functions": [THEATRE_I, CONCERT_I], "format": "json",                                             # 3
     "question": "Get me 3 seats in the circle for Blood Wedding on 2025-11-29.",
     "expect": ("reserve_theatre_seats", {"show": "Blood Wedding", "performance_date": "2025-11-29", "seats": 3,
                                          "section": "circle"})},
    {"functions": [BAKERY_I, FARMBOX_I], "format": "python",                                            # 4
     "question": "Put in an order for 12 cinnamon buns, I'll pick them up at 07:45.",
     "expect": ("place_bakery_order", {"item": "cinnamon buns", "quantity": 12, "pickup_time": "07:45"})},
    {"functions": [CONFERENCE_I, JOBS_I], "format": "json",                                             # 5
     "question": "Sign up noor.haddad@example.org for DataFest Lisbon on a student ticket.",
     "expect": ("register_for_conference", {"conference": "DataFest Lisbon",
                                            "attendee_email": "noor.haddad@example.org", "ticket": "student"})},
    {"functions": [ADOPT_I, SCOOTER_I], "format": "python",                                             # 6
     "question": "Are there any rabbits up for adoption in Leeds?",
     "expect": ("search_adoptable_pets", {"species": "rabbit", "city": "Leeds"})},
    {"functions": [CLAIM_I, METER_I], "format": "json",                                                 # 7
     "question": "What's happening with my insurance claim CLM-778120?",
     "expect": ("check_claim_status", {"claim_reference": "CLM-778120"})},
    {"functions": [JOBS_I, CONFERENCE_I], "format": "python",                                           # 8
     "question": "I'm after a remote-only job as a data steward - can you search the vacancies?",
     "expect": ("search_job_openings", {"keywords": "data steward", "remote_only": True})},
    {"functions": [CONCERT_I, MUSEUM_I], "format": "json",                                              # 9
     "question": "When is Arlo Parks playing in Manchester?",
     "expect": ("find_concerts", {"artist": "Arlo Parks", "city": "Manchester"})},
    {"functions": [MUSEUM_I, THEATRE_I], "format": "python",                                            # 10
     "question": "Could you check when the Rijksmuseum is open on Monday?",
     "expect": ("get_museum_hours", {"museum": "Rijksmuseum", "day": "Monday"})},
    {"functions": [METER_I, CLAIM_I], "format": "json",                                                 # 11
     "question": "My electricity meter shows 48213 kWh today. Account EL-55091-3 - please pass that on.",
     "expect": ("submit_meter_reading", {"account_number": "EL-55091-3", "reading_kwh": 48213})},
    {"functions": [SCOOTER_I, BIKEFIX_I], "format": "python",                                           # 12
     "question": "Unlock scooter ZT-4471 for me.",
     "expect": ("unlock_scooter", {"scooter_id": "ZT-4471"})},
    {"functions": [FITTING_I, VENUE_I], "format": "json",                                               # 13
     "question": "I need a fitting for my wedding dress on 2025-05-17 at 11:00.",
     "expect": ("book_fitting", {"garment": "dress", "date": "2025-05-17", "time": "11:00"})},
    {"functions": [RECYCLE_I, FARMBOX_I], "format": "python",                                           # 14
     "question": "Can I drop off old tins of paint at Hollins Lane?",
     "expect": ("check_centre_accepts", {"item": "paint", "centre": "Hollins Lane"})},
    {"functions": [CHESS_I, PARTNER_I], "format": "json",                                               # 15
     "question": "What's Ilse Vermeer's blitz rating these days?",
     "expect": ("get_chess_rating", {"player_name": "Ilse Vermeer", "time_control": "blitz"})},
    {"functions": [SECURITY_I, CARHIRE_I], "format": "python",                                          # 16
     "question": "How long is the security line at LIS terminal 1 right now?",
     "expect": ("get_security_wait", {"airport_code": "LIS", "terminal": 1})},
    {"functions": [FARMBOX_I, BAKERY_I], "format": "json",                                              # 17
     "question": "Sign me up for a large veg box for 8 weeks, with eggs please.",
     "expect": ("order_farm_box", {"box_size": "large", "weeks": 8, "eggs": True})},
    {"functions": [VENUE_I, FITTING_I], "format": "python",                                             # 18
     "question": "Is Thornbury Barn free on 2026-06-20 for 120 guests?",
     "expect": ("check_venue_availability", {"venue": "Thornbury Barn", "date": "2026-06-20", "guests": 120})},
    {"functions": [BOOKORDER_I, RENEW_I], "format": "json",                                             # 19
     "question": "Order in two copies of Piranesi by Susanna Clarke.",
     "expect": ("order_book", {"title": "Piranesi", "author": "Susanna Clarke", "copies": 2})},
    {"functions": [PARTNER_I, CHESS_I], "format": "python",                                             # 20
     "question": "I speak Portuguese and want to practise Korean - find me an exchange partner in Berlin.",
     "expect": ("find_language_partner", {"offer_language": "Portuguese", "learn_language": "Korean",
                                          "city": "Berlin"})},
    {"functions": [BIKEFIX_I, SCOOTER_I], "format": "json",                                             # 21
     "question": "My bike's brakes are squealing. Can the workshop look at them on 2025-07-03?",
     "expect": ("book_bike_repair", {"service": "brakes", "date": "2025-07-03"})},
    {"functions": [DENTAL_I, CLAIM_I], "format": "python",                                              # 22
     "question": "Tom Price has cracked a tooth - he needs an emergency dental appointment.",
     "expect": ("book_dental_visit", {"patient_name": "Tom Price", "visit_type": "emergency"})},
    {"functions": [CARHIRE_I, VENUE_I, SECURITY_I], "format": "json",                                   # 23
     "question": "Quote me a hire car in Reykjavik for ten days.",
     "expect": ("quote_car_hire", {"pickup_city": "Reykjavik", "days": 10})},
    {"functions": [THEATRE_I, MUSEUM_I], "format": "python",                                            # 24
     "question": "Two tickets for Hamlet, please.",
     "expect": ("reserve_theatre_seats", {"show": "Hamlet", "seats": 2})},
    {"functions": [ADOPT_I, BIKEFIX_I], "format": "json",                                               # 25
     "question": "Show me cats available to adopt that are 3 years old or younger.",
     "expect": ("search_adoptable_pets", {"species": "cat", "max_age_years": 3})},
    {"functions": [CONCERT_I, BOOKORDER_I], "format": "python",                                         # 26
     "question": "Who composed The Four Seasons?", "expect": None},
    {"functions": [METER_I, FARMBOX_I], "format": "json",                                               # 27
     "question": "How do solar panels turn sunlight into electricity?", "expect": None},
    {"functions": [CHESS_I, RECYCLE_I], "format": "python",                                             # 28
     "question": "Explain the en passant rule in chess.", "expect": None},
    {"functions": [SECURITY_I, PARTNER_I, JOBS_I], "format": "json",                                    # 29
     "question": "Write a short poem about airports at night.", "expect": None},
]
for _case in CALL_CASES_I:
    _case["prompt"] = ((_PY_FORMAT if _case["format"] == "python" else _JSON_FORMAT)
                       + json.dumps(_case["functions"], indent=2) + "\n" + _case["question"])

# --------------------------------------------------------------------------- using a returned result

RESULT_CASES_I = [
    {"case": 0, "call": '[book_dental_visit(patient_name="Marta Kowalczyk", visit_type="hygiene", '
                        'date="2025-10-21")]',
     "result": "Result: {\"confirmed\": true, \"time\": \"14:20\", \"room\": \"Surgery 2\"}",
     "says": ["14:20", "Surgery 2"]},
    {"case": 1, "call": '{"name": "renew_library_loan", "parameters": {"card_number": "LC-20417", '
                        '"item_barcode": "3900128447", "weeks": 2}}',
     "result": "{\"renewed\": true, \"new_due_date\": \"2025-11-12\"}", "says": ["2025-11-12"]},
    {"case": 2, "call": '[quote_car_hire(pickup_city="Bordeaux", days=6, automatic=True)]',
     "result": "Function output: {\"price_eur\": 298, \"model\": \"Peugeot 208\", \"deposit_eur\": 500}",
     "says": ["298", "Peugeot 208"]},
    {"case": 3, "call": '{"name": "reserve_theatre_seats", "parameters": {"show": "Blood Wedding", '
                        '"performance_date": "2025-11-29", "seats": 3, "section": "circle"}}',
     "result": "Result: {\"seats\": [\"C12\", \"C13\", \"C14\"], \"total_gbp\": 96}",
     "says": ["C12", "C13", "C14", "96"]},
    {"case": 5, "call": '{"name": "register_for_conference", "parameters": {"conference": "DataFest Lisbon", '
                        '"attendee_email": "noor.haddad@example.org", "ticket": "student"}}',
     "result": "register_for_conference returned {\"registration_id\": \"DFL-30418\", \"badge_desk\": \"Hall 1\"}",
     "says": ["DFL-30418"]},
    {"case": 7, "call": '{"name": "check_claim_status", "parameters": {"claim_reference": "CLM-778120"}}',
     "result": "Output: {\"status\": \"approved\", \"payout_eur\": 640, \"handler\": \"Sienna Clarke\"}",
     "says": ["approved", "640"]},
    {"case": 9, "call": '{"name": "find_concerts", "parameters": {"artist": "Arlo Parks", "city": "Manchester"}}',
     "result": "[{\"date\": \"2025-12-03\", \"venue\": \"Albert Hall\"}, "
               "{\"date\": \"2025-12-04\", \"venue\": \"Albert Hall\"}]",
     "says": ["2025-12-03", "2025-12-04", "Albert Hall"]},
    {"case": 11, "call": '{"name": "submit_meter_reading", "parameters": {"account_number": "EL-55091-3", '
                         '"reading_kwh": 48213}}',
     "result": "Function result: {\"accepted\": true, \"estimated_bill_eur\": 87.15}", "says": ["87.15"]},
    {"case": 16, "call": '[get_security_wait(airport_code="LIS", terminal=1)]',
     "result": "Tool response: {\"wait_minutes\": 25, \"updated\": \"10:42\"}", "says": ["25"]},
    {"case": 18, "call": '[check_venue_availability(venue="Thornbury Barn", date="2026-06-20", guests=120)]',
     "result": "Result: {\"available\": false, \"next_free_date\": \"2026-06-27\"}", "says": ["2026-06-27"]},
    {"case": 20, "call": '[find_language_partner(offer_language="Portuguese", learn_language="Korean", '
                         'city="Berlin")]',
     "result": "Function output: [\"Ji-woo Park\", \"Min-seo Kang\"]", "says": ["Ji-woo Park", "Min-seo Kang"]},
    {"case": 21, "call": '{"name": "book_bike_repair", "parameters": {"service": "brakes", "date": "2025-07-03"}}',
     "result": "The workshop system replied: {\"booking\": \"BR-0712\", \"drop_off\": \"08:30\", "
               "\"estimate_eur\": 35}",
     "says": ["BR-0712", "08:30", "35"]},
]
for _case in RESULT_CASES_I:
    _case["messages"] = [{"role": "user", "content": CALL_CASES_I[_case["case"]]["prompt"]},
                         {"role": "assistant", "content": _case["call"]},
                         {"role": "user", "content": _case["result"]}]
