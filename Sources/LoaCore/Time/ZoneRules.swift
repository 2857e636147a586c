/// The current rule of every zone of the tz database (the POSIX TZ string at the end of each
/// TZif file), for hosts without `/usr/share/zoneinfo` (slim containers have no tzdata):
/// ``ZoneInfo`` falls back to it when a zone's file cannot be read. It gives today's offsets
/// and daylight saving time, not a zone's history before its current rule.
///
/// Generated from Debian's tzdata (version 2025b): for each TZif file, its
/// footer; names are listed with the index of their rule.
enum ZoneRules {
  static let rules: [String] = [
    "<+00>0<+02>-2,M3.5.0/1,M10.5.0/3",
    "<+01>-1",
    "<+02>-2",
    "<+0330>-3:30",
    "<+03>-3",
    "<+0430>-4:30",
    "<+04>-4",
    "<+0530>-5:30",
    "<+0545>-5:45",
    "<+05>-5",
    "<+0630>-6:30",
    "<+06>-6",
    "<+07>-7",
    "<+0845>-8:45",
    "<+08>-8",
    "<+09>-9",
    "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
    "<+10>-10",
    "<+11>-11",
    "<+11>-11<+12>,M10.1.0,M4.1.0/3",
    "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
    "<+12>-12",
    "<+13>-13",
    "<+14>-14",
    "<-00>0",
    "<-01>1",
    "<-01>1<+00>,M3.5.0/0,M10.5.0/1",
    "<-02>2",
    "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
    "<-03>3",
    "<-03>3<-02>,M3.2.0,M11.1.0",
    "<-04>4",
    "<-04>4<-03>,M9.1.6/24,M4.1.6/24",
    "<-05>5",
    "<-06>6",
    "<-06>6<-05>,M9.1.6/22,M4.1.6/22",
    "<-07>7",
    "<-08>8",
    "<-0930>9:30",
    "<-09>9",
    "<-10>10",
    "<-11>11",
    "<-12>12",
    "ACST-9:30",
    "ACST-9:30ACDT,M10.1.0,M4.1.0/3",
    "AEST-10",
    "AEST-10AEDT,M10.1.0,M4.1.0/3",
    "AKST9AKDT,M3.2.0,M11.1.0",
    "AST4",
    "AST4ADT,M3.2.0,M11.1.0",
    "AWST-8",
    "CAT-2",
    "CET-1",
    "CET-1CEST,M3.5.0,M10.5.0/3",
    "CST-8",
    "CST5CDT,M3.2.0/0,M11.1.0/1",
    "CST6",
    "CST6CDT,M3.2.0,M11.1.0",
    "ChST-10",
    "EAT-3",
    "EET-2",
    "EET-2EEST,M3.4.4/50,M10.4.4/50",
    "EET-2EEST,M3.5.0,M10.5.0/3",
    "EET-2EEST,M3.5.0/0,M10.5.0/0",
    "EET-2EEST,M3.5.0/3,M10.5.0/4",
    "EET-2EEST,M4.5.5/0,M10.5.4/24",
    "EST5",
    "EST5EDT,M3.2.0,M11.1.0",
    "GMT0",
    "GMT0BST,M3.5.0/1,M10.5.0",
    "HKT-8",
    "HST10",
    "HST10HDT,M3.2.0,M11.1.0",
    "IST-1GMT0,M10.5.0,M3.5.0/1",
    "IST-2IDT,M3.4.4/26,M10.5.0",
    "IST-5:30",
    "JST-9",
    "KST-9",
    "MET-1MEST,M3.5.0,M10.5.0/3",
    "MSK-3",
    "MST7",
    "MST7MDT,M3.2.0,M11.1.0",
    "NST3:30NDT,M3.2.0,M11.1.0",
    "NZST-12NZDT,M9.5.0,M4.1.0/3",
    "PKT-5",
    "PST-8",
    "PST8PDT,M3.2.0,M11.1.0",
    "SAST-2",
    "SST11",
    "UTC0",
    "WAT-1",
    "WET0WEST,M3.5.0/1,M10.5.0",
    "WIB-7",
    "WIT-9",
    "WITA-8",
  ]

  /// `name index`, one a line.
  static let zones = """
    Africa/Abidjan 68
    Africa/Accra 68
    Africa/Addis_Ababa 59
    Africa/Algiers 52
    Africa/Asmara 59
    Africa/Asmera 59
    Africa/Bamako 68
    Africa/Bangui 90
    Africa/Banjul 68
    Africa/Bissau 68
    Africa/Blantyre 51
    Africa/Brazzaville 90
    Africa/Bujumbura 51
    Africa/Cairo 65
    Africa/Casablanca 1
    Africa/Ceuta 53
    Africa/Conakry 68
    Africa/Dakar 68
    Africa/Dar_es_Salaam 59
    Africa/Djibouti 59
    Africa/Douala 90
    Africa/El_Aaiun 1
    Africa/Freetown 68
    Africa/Gaborone 51
    Africa/Harare 51
    Africa/Johannesburg 87
    Africa/Juba 51
    Africa/Kampala 59
    Africa/Khartoum 51
    Africa/Kigali 51
    Africa/Kinshasa 90
    Africa/Lagos 90
    Africa/Libreville 90
    Africa/Lome 68
    Africa/Luanda 90
    Africa/Lubumbashi 51
    Africa/Lusaka 51
    Africa/Malabo 90
    Africa/Maputo 51
    Africa/Maseru 87
    Africa/Mbabane 87
    Africa/Mogadishu 59
    Africa/Monrovia 68
    Africa/Nairobi 59
    Africa/Ndjamena 90
    Africa/Niamey 90
    Africa/Nouakchott 68
    Africa/Ouagadougou 68
    Africa/Porto-Novo 90
    Africa/Sao_Tome 68
    Africa/Timbuktu 68
    Africa/Tripoli 60
    Africa/Tunis 52
    Africa/Windhoek 51
    America/Adak 72
    America/Anchorage 47
    America/Anguilla 48
    America/Antigua 48
    America/Araguaina 29
    America/Argentina/Buenos_Aires 29
    America/Argentina/Catamarca 29
    America/Argentina/ComodRivadavia 29
    America/Argentina/Cordoba 29
    America/Argentina/Jujuy 29
    America/Argentina/La_Rioja 29
    America/Argentina/Mendoza 29
    America/Argentina/Rio_Gallegos 29
    America/Argentina/Salta 29
    America/Argentina/San_Juan 29
    America/Argentina/San_Luis 29
    America/Argentina/Tucuman 29
    America/Argentina/Ushuaia 29
    America/Aruba 48
    America/Asuncion 29
    America/Atikokan 66
    America/Atka 72
    America/Bahia 29
    America/Bahia_Banderas 56
    America/Barbados 48
    America/Belem 29
    America/Belize 56
    America/Blanc-Sablon 48
    America/Boa_Vista 31
    America/Bogota 33
    America/Boise 81
    America/Buenos_Aires 29
    America/Cambridge_Bay 81
    America/Campo_Grande 31
    America/Cancun 66
    America/Caracas 31
    America/Catamarca 29
    America/Cayenne 29
    America/Cayman 66
    America/Chicago 57
    America/Chihuahua 56
    America/Ciudad_Juarez 81
    America/Coral_Harbour 66
    America/Cordoba 29
    America/Costa_Rica 56
    America/Coyhaique 29
    America/Creston 80
    America/Cuiaba 31
    America/Curacao 48
    America/Danmarkshavn 68
    America/Dawson 80
    America/Dawson_Creek 80
    America/Denver 81
    America/Detroit 67
    America/Dominica 48
    America/Edmonton 81
    America/Eirunepe 33
    America/El_Salvador 56
    America/Ensenada 86
    America/Fort_Nelson 80
    America/Fort_Wayne 67
    America/Fortaleza 29
    America/Glace_Bay 49
    America/Godthab 28
    America/Goose_Bay 49
    America/Grand_Turk 67
    America/Grenada 48
    America/Guadeloupe 48
    America/Guatemala 56
    America/Guayaquil 33
    America/Guyana 31
    America/Halifax 49
    America/Havana 55
    America/Hermosillo 80
    America/Indiana/Indianapolis 67
    America/Indiana/Knox 57
    America/Indiana/Marengo 67
    America/Indiana/Petersburg 67
    America/Indiana/Tell_City 57
    America/Indiana/Vevay 67
    America/Indiana/Vincennes 67
    America/Indiana/Winamac 67
    America/Indianapolis 67
    America/Inuvik 81
    America/Iqaluit 67
    America/Jamaica 66
    America/Jujuy 29
    America/Juneau 47
    America/Kentucky/Louisville 67
    America/Kentucky/Monticello 67
    America/Knox_IN 57
    America/Kralendijk 48
    America/La_Paz 31
    America/Lima 33
    America/Los_Angeles 86
    America/Louisville 67
    America/Lower_Princes 48
    America/Maceio 29
    America/Managua 56
    America/Manaus 31
    America/Marigot 48
    America/Martinique 48
    America/Matamoros 57
    America/Mazatlan 80
    America/Mendoza 29
    America/Menominee 57
    America/Merida 56
    America/Metlakatla 47
    America/Mexico_City 56
    America/Miquelon 30
    America/Moncton 49
    America/Monterrey 56
    America/Montevideo 29
    America/Montreal 67
    America/Montserrat 48
    America/Nassau 67
    America/New_York 67
    America/Nipigon 67
    America/Nome 47
    America/Noronha 27
    America/North_Dakota/Beulah 57
    America/North_Dakota/Center 57
    America/North_Dakota/New_Salem 57
    America/Nuuk 28
    America/Ojinaga 57
    America/Panama 66
    America/Pangnirtung 67
    America/Paramaribo 29
    America/Phoenix 80
    America/Port-au-Prince 67
    America/Port_of_Spain 48
    America/Porto_Acre 33
    America/Porto_Velho 31
    America/Puerto_Rico 48
    America/Punta_Arenas 29
    America/Rainy_River 57
    America/Rankin_Inlet 57
    America/Recife 29
    America/Regina 56
    America/Resolute 57
    America/Rio_Branco 33
    America/Rosario 29
    America/Santa_Isabel 86
    America/Santarem 29
    America/Santiago 32
    America/Santo_Domingo 48
    America/Sao_Paulo 29
    America/Scoresbysund 28
    America/Shiprock 81
    America/Sitka 47
    America/St_Barthelemy 48
    America/St_Johns 82
    America/St_Kitts 48
    America/St_Lucia 48
    America/St_Thomas 48
    America/St_Vincent 48
    America/Swift_Current 56
    America/Tegucigalpa 56
    America/Thule 49
    America/Thunder_Bay 67
    America/Tijuana 86
    America/Toronto 67
    America/Tortola 48
    America/Vancouver 86
    America/Virgin 48
    America/Whitehorse 80
    America/Winnipeg 57
    America/Yakutat 47
    America/Yellowknife 81
    Antarctica/Casey 14
    Antarctica/Davis 12
    Antarctica/DumontDUrville 17
    Antarctica/Macquarie 46
    Antarctica/Mawson 9
    Antarctica/McMurdo 83
    Antarctica/Palmer 29
    Antarctica/Rothera 29
    Antarctica/South_Pole 83
    Antarctica/Syowa 4
    Antarctica/Troll 0
    Antarctica/Vostok 9
    Arctic/Longyearbyen 53
    Asia/Aden 4
    Asia/Almaty 9
    Asia/Amman 4
    Asia/Anadyr 21
    Asia/Aqtau 9
    Asia/Aqtobe 9
    Asia/Ashgabat 9
    Asia/Ashkhabad 9
    Asia/Atyrau 9
    Asia/Baghdad 4
    Asia/Bahrain 4
    Asia/Baku 6
    Asia/Bangkok 12
    Asia/Barnaul 12
    Asia/Beirut 63
    Asia/Bishkek 11
    Asia/Brunei 14
    Asia/Calcutta 75
    Asia/Chita 15
    Asia/Choibalsan 14
    Asia/Chongqing 54
    Asia/Chungking 54
    Asia/Colombo 7
    Asia/Dacca 11
    Asia/Damascus 4
    Asia/Dhaka 11
    Asia/Dili 15
    Asia/Dubai 6
    Asia/Dushanbe 9
    Asia/Famagusta 64
    Asia/Gaza 61
    Asia/Harbin 54
    Asia/Hebron 61
    Asia/Ho_Chi_Minh 12
    Asia/Hong_Kong 70
    Asia/Hovd 12
    Asia/Irkutsk 14
    Asia/Istanbul 4
    Asia/Jakarta 92
    Asia/Jayapura 93
    Asia/Jerusalem 74
    Asia/Kabul 5
    Asia/Kamchatka 21
    Asia/Karachi 84
    Asia/Kashgar 11
    Asia/Kathmandu 8
    Asia/Katmandu 8
    Asia/Khandyga 15
    Asia/Kolkata 75
    Asia/Krasnoyarsk 12
    Asia/Kuala_Lumpur 14
    Asia/Kuching 14
    Asia/Kuwait 4
    Asia/Macao 54
    Asia/Macau 54
    Asia/Magadan 18
    Asia/Makassar 94
    Asia/Manila 85
    Asia/Muscat 6
    Asia/Nicosia 64
    Asia/Novokuznetsk 12
    Asia/Novosibirsk 12
    Asia/Omsk 11
    Asia/Oral 9
    Asia/Phnom_Penh 12
    Asia/Pontianak 92
    Asia/Pyongyang 77
    Asia/Qatar 4
    Asia/Qostanay 9
    Asia/Qyzylorda 9
    Asia/Rangoon 10
    Asia/Riyadh 4
    Asia/Saigon 12
    Asia/Sakhalin 18
    Asia/Samarkand 9
    Asia/Seoul 77
    Asia/Shanghai 54
    Asia/Singapore 14
    Asia/Srednekolymsk 18
    Asia/Taipei 54
    Asia/Tashkent 9
    Asia/Tbilisi 6
    Asia/Tehran 3
    Asia/Tel_Aviv 74
    Asia/Thimbu 11
    Asia/Thimphu 11
    Asia/Tokyo 76
    Asia/Tomsk 12
    Asia/Ujung_Pandang 94
    Asia/Ulaanbaatar 14
    Asia/Ulan_Bator 14
    Asia/Urumqi 11
    Asia/Ust-Nera 17
    Asia/Vientiane 12
    Asia/Vladivostok 17
    Asia/Yakutsk 15
    Asia/Yangon 10
    Asia/Yekaterinburg 9
    Asia/Yerevan 6
    Atlantic/Azores 26
    Atlantic/Bermuda 49
    Atlantic/Canary 91
    Atlantic/Cape_Verde 25
    Atlantic/Faeroe 91
    Atlantic/Faroe 91
    Atlantic/Jan_Mayen 53
    Atlantic/Madeira 91
    Atlantic/Reykjavik 68
    Atlantic/South_Georgia 27
    Atlantic/St_Helena 68
    Atlantic/Stanley 29
    Australia/ACT 46
    Australia/Adelaide 44
    Australia/Brisbane 45
    Australia/Broken_Hill 44
    Australia/Canberra 46
    Australia/Currie 46
    Australia/Darwin 43
    Australia/Eucla 13
    Australia/Hobart 46
    Australia/LHI 16
    Australia/Lindeman 45
    Australia/Lord_Howe 16
    Australia/Melbourne 46
    Australia/NSW 46
    Australia/North 43
    Australia/Perth 50
    Australia/Queensland 45
    Australia/South 44
    Australia/Sydney 46
    Australia/Tasmania 46
    Australia/Victoria 46
    Australia/West 50
    Australia/Yancowinna 44
    Brazil/Acre 33
    Brazil/DeNoronha 27
    Brazil/East 29
    Brazil/West 31
    CET 53
    CST6CDT 57
    Canada/Atlantic 49
    Canada/Central 57
    Canada/Eastern 67
    Canada/Mountain 81
    Canada/Newfoundland 82
    Canada/Pacific 86
    Canada/Saskatchewan 56
    Canada/Yukon 80
    Chile/Continental 32
    Chile/EasterIsland 35
    Cuba 55
    EET 64
    EST 66
    EST5EDT 67
    Egypt 65
    Eire 73
    Etc/GMT 68
    Etc/GMT+0 68
    Etc/GMT+1 25
    Etc/GMT+10 40
    Etc/GMT+11 41
    Etc/GMT+12 42
    Etc/GMT+2 27
    Etc/GMT+3 29
    Etc/GMT+4 31
    Etc/GMT+5 33
    Etc/GMT+6 34
    Etc/GMT+7 36
    Etc/GMT+8 37
    Etc/GMT+9 39
    Etc/GMT-0 68
    Etc/GMT-1 1
    Etc/GMT-10 17
    Etc/GMT-11 18
    Etc/GMT-12 21
    Etc/GMT-13 22
    Etc/GMT-14 23
    Etc/GMT-2 2
    Etc/GMT-3 4
    Etc/GMT-4 6
    Etc/GMT-5 9
    Etc/GMT-6 11
    Etc/GMT-7 12
    Etc/GMT-8 14
    Etc/GMT-9 15
    Etc/GMT0 68
    Etc/Greenwich 68
    Etc/UCT 89
    Etc/UTC 89
    Etc/Universal 89
    Etc/Zulu 89
    Europe/Amsterdam 53
    Europe/Andorra 53
    Europe/Astrakhan 6
    Europe/Athens 64
    Europe/Belfast 69
    Europe/Belgrade 53
    Europe/Berlin 53
    Europe/Bratislava 53
    Europe/Brussels 53
    Europe/Bucharest 64
    Europe/Budapest 53
    Europe/Busingen 53
    Europe/Chisinau 62
    Europe/Copenhagen 53
    Europe/Dublin 73
    Europe/Gibraltar 53
    Europe/Guernsey 69
    Europe/Helsinki 64
    Europe/Isle_of_Man 69
    Europe/Istanbul 4
    Europe/Jersey 69
    Europe/Kaliningrad 60
    Europe/Kiev 64
    Europe/Kirov 79
    Europe/Kyiv 64
    Europe/Lisbon 91
    Europe/Ljubljana 53
    Europe/London 69
    Europe/Luxembourg 53
    Europe/Madrid 53
    Europe/Malta 53
    Europe/Mariehamn 64
    Europe/Minsk 4
    Europe/Monaco 53
    Europe/Moscow 79
    Europe/Nicosia 64
    Europe/Oslo 53
    Europe/Paris 53
    Europe/Podgorica 53
    Europe/Prague 53
    Europe/Riga 64
    Europe/Rome 53
    Europe/Samara 6
    Europe/San_Marino 53
    Europe/Sarajevo 53
    Europe/Saratov 6
    Europe/Simferopol 79
    Europe/Skopje 53
    Europe/Sofia 64
    Europe/Stockholm 53
    Europe/Tallinn 64
    Europe/Tirane 53
    Europe/Tiraspol 62
    Europe/Ulyanovsk 6
    Europe/Uzhgorod 64
    Europe/Vaduz 53
    Europe/Vatican 53
    Europe/Vienna 53
    Europe/Vilnius 64
    Europe/Volgograd 79
    Europe/Warsaw 53
    Europe/Zagreb 53
    Europe/Zaporozhye 64
    Europe/Zurich 53
    Factory 24
    GB 69
    GB-Eire 69
    GMT 68
    GMT+0 68
    GMT-0 68
    GMT0 68
    Greenwich 68
    HST 71
    Hongkong 70
    Iceland 68
    Indian/Antananarivo 59
    Indian/Chagos 11
    Indian/Christmas 12
    Indian/Cocos 10
    Indian/Comoro 59
    Indian/Kerguelen 9
    Indian/Mahe 6
    Indian/Maldives 9
    Indian/Mauritius 6
    Indian/Mayotte 59
    Indian/Reunion 6
    Iran 3
    Israel 74
    Jamaica 66
    Japan 76
    Kwajalein 21
    Libya 60
    MET 78
    MST 80
    MST7MDT 81
    Mexico/BajaNorte 86
    Mexico/BajaSur 80
    Mexico/General 56
    NZ 83
    NZ-CHAT 20
    Navajo 81
    PRC 54
    PST8PDT 86
    Pacific/Apia 22
    Pacific/Auckland 83
    Pacific/Bougainville 18
    Pacific/Chatham 20
    Pacific/Chuuk 17
    Pacific/Easter 35
    Pacific/Efate 18
    Pacific/Enderbury 22
    Pacific/Fakaofo 22
    Pacific/Fiji 21
    Pacific/Funafuti 21
    Pacific/Galapagos 34
    Pacific/Gambier 39
    Pacific/Guadalcanal 18
    Pacific/Guam 58
    Pacific/Honolulu 71
    Pacific/Johnston 71
    Pacific/Kanton 22
    Pacific/Kiritimati 23
    Pacific/Kosrae 18
    Pacific/Kwajalein 21
    Pacific/Majuro 21
    Pacific/Marquesas 38
    Pacific/Midway 88
    Pacific/Nauru 21
    Pacific/Niue 41
    Pacific/Norfolk 19
    Pacific/Noumea 18
    Pacific/Pago_Pago 88
    Pacific/Palau 15
    Pacific/Pitcairn 37
    Pacific/Pohnpei 18
    Pacific/Ponape 18
    Pacific/Port_Moresby 17
    Pacific/Rarotonga 40
    Pacific/Saipan 58
    Pacific/Samoa 88
    Pacific/Tahiti 40
    Pacific/Tarawa 21
    Pacific/Tongatapu 22
    Pacific/Truk 17
    Pacific/Wake 21
    Pacific/Wallis 21
    Pacific/Yap 17
    Poland 53
    Portugal 91
    ROC 54
    ROK 77
    Singapore 14
    Turkey 4
    UCT 89
    US/Alaska 47
    US/Aleutian 72
    US/Arizona 80
    US/Central 57
    US/East-Indiana 67
    US/Eastern 67
    US/Hawaii 71
    US/Indiana-Starke 57
    US/Michigan 67
    US/Mountain 81
    US/Pacific 86
    US/Samoa 88
    UTC 89
    Universal 89
    W-SU 79
    WET 91
    Zulu 89
    """

  /// The rule of `identifier`, or nil when the table has no such zone.
  static func rule(for identifier: String) -> String? {
    for line in zones.split(separator: "\n") {
      guard let space = line.lastIndex(of: " "), line[..<space] == identifier,
        let i = Int(line[line.index(after: space)...]), i < rules.count
      else { continue }
      return rules[i]
    }
    return nil
  }
}
