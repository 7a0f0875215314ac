/**
 * Words and phrases the analysis needs, which the detectors must leave readable even where they look
 * like names (capitalised, not in the Dutch word list). Countries, capitals and nationalities come
 * from shared/geo. Written for this project. Phrases are matched as whole word sequences, ignoring
 * case and diacritics.
 */

const lines = (s: string): string[] =>
  s
    .split('\n')
    .flatMap((l) => l.split(';'))
    .map((l) => l.trim())
    .filter(Boolean);

/** State institutions, Dutch and foreign, and the parties and movements the fenomeenbeeld names. */
export const institutions = lines(`
  AIVD; MIVD; NCTV; NCSC; IND; KMar; Koninklijke Marechaussee; Marechaussee; OM; Openbaar Ministerie; Politie; Nationale Politie
  Belastingdienst; Rijksoverheid; Tweede Kamer; Eerste Kamer; Raad van State; Kabinet; Kamer; SZW; BZ; JenV; BZK; OCW; VWS
  Buitenlandse Zaken; Binnenlandse Zaken; Justitie en Veiligheid; Sociale Zaken en Werkgelegenheid; Defensie; Koninkrijksrelaties
  Ministerie; Ministerie van Buitenlandse Zaken; Ministerie van Justitie en Veiligheid; Ministerie van Sociale Zaken en Werkgelegenheid
  Europese Unie; EU; Verenigde Naties; VN; UNHCR; NAVO; NATO; Europol; Interpol; Europees Parlement; Europese Commissie; Raad van Europa
  COA; DT&V; Dienst Terugkeer en Vertrek; Vluchtelingenwerk; VluchtelingenWerk Nederland; Amnesty; Amnesty International; Human Rights Watch
  Rode Kruis; Slachtofferhulp; Veilig Thuis; Meld Misdaad Anoniem; GGD; UWV; DUO; SVB; RDW; KvK; Kamer van Koophandel; CBS; Kadaster
  Diyanet; ISN; Islamitische Stichting Nederland; DITIB; Milli Görüş; ATIB; UETD; UID; AKP; CHP; HDP; DEM; MHP; MIT; Grijze Wolven; Gülen; Gülenbeweging; Hizmet; PKK; YPG; PYD; KDP; PUK
  PFDJ; YPFDJ; EPLF; TPLF; Prosperity Party; ENDF; NISS; Al-Shabaab; Al Shabaab; Hamas; Hezbollah; Hizbullah; IS; ISIS; Daesh; Taliban; Al-Qaeda; Al Qaida
  IRGC; Revolutionaire Garde; Pasdaran; Quds; Quds Force; MOIS; VAJA; VEVAK; Basij; Basij-militie
  FSB; GRU; SVR; KGB; Kremlin; Rossotrudnichestvo; Russkiy Mir; Russki Mir; Wagner; Wagnergroep
  MSS; Ministerie van Staatsveiligheid; Ministry of State Security; Verenigd Front; United Front; United Front Work Department; UFWD
  CCP; CPC; Communistische Partij; Communistische Partij van China; Chinese Communistische Partij; Confucius Instituut; Confucius Institute; CSSA
  DGED; DGST; Makhzen; Polisario; Hirak; Mukhabarat; Amn al-Dawla; Ba'ath; Baath; Assad-regime
  Staatsveiligheidsdienst; Veiligheidsdienst; Inlichtingendienst; Nationale Veiligheidsdienst
`);

/** Platforms and services named in signals. */
export const platforms = lines(`
  WhatsApp; Telegram; Signal; Facebook; Messenger; Instagram; TikTok; Douyin; X; Twitter; YouTube; WeChat; Weixin; Weibo; QQ; Alipay
  VKontakte; VK; Odnoklassniki; Snapchat; LinkedIn; Viber; Imo; Line; Skype; Zoom; Teams; Microsoft Teams; Discord; Reddit; Clubhouse
  Bluesky; Threads; Mastodon; Tumblr; Pinterest; Gmail; Hotmail; Outlook; Proton; ProtonMail; Google; Google Maps; Apple; iPhone
  Android; Samsung; Huawei; Xiaomi; Airbnb; Booking; Marktplaats; Tikkie; PayPal; Western Union; MoneyGram; Hawala; Revolut; Wise
  Zello; Paltalk; Botim; Tango; Albert Heijn; Jumbo; Lidl; Aldi; Action; HEMA; Kruidvat; Bol.com; PostNL; DHL; Uber; Thuisbezorgd
`);

/** Religions, their feasts and texts, ethnic and religious groups, languages. */
export const groupsAndTerms = lines(`
  Islam; Allah; God; Koran; Quran; Bijbel; Thora; Ramadan; Suikerfeest; Offerfeest; Eid; Eid al-Fitr; Eid al-Adha; Pasen; Kerstmis; Kerst; Pinksteren
  Newroz; Nowruz; Norouz; Meskel; Timkat; Ashura; Moharram; Muharram; Mevlid; Jom Kipoer; Chanoeka; Boeddha; Dalai Lama
  Koerd; Koerden; Koerdisch; Koerdische; Oeigoer; Oeigoeren; Oeigoers; Oeigoerse; Tibetaan; Tibetanen; Tibetaans; Tibetaanse; Berber; Berbers
  Amazigh; Imazighen; Riffijn; Riffijnen; Riffijns; Riffijnse; Tamil; Tamils; Hazara; Hazara's; Pasjtoen; Pasjtoenen; Tadzjiek; Tigrinya; Tigray; Tigrayer; Oromo; Amhara
  Arabier; Arabieren; Arabisch; Arabische; Perzisch; Perzische; Farsi; Dari; Pasjtoe; Pashto; Urdu; Somali; Tigrinia; Amhaars; Mandarijn; Kantonees; Kantonese
  Tamazight; Tarifit; Darija; Kurmanci; Kurmanji; Sorani; Zaza; Koerdischtalig; Russischtalig; Russischtalige; Turkstalig; Turkstalige; Arabischtalig; Arabischtalige
  Alevieten; Alevitisch; Alevitische; Soennieten; Soennitisch; Soennitische; Sjiieten; Sjiitisch; Sjiitische; Ahmadiyya; Ahmadi's; Bahá'í; Baha'i; Jezidi; Jezidi's; Yezidi
  Druzen; Kopten; Koptisch; Koptische; Orthodox; Orthodoxe; Eritrees-orthodox; Eritrees-orthodoxe; Pinkstergemeente; Katholiek; Katholieke; Protestants
  Moslim; Moslims; Islamitisch; Islamitische; Christen; Christenen; Christelijk; Christelijke; Joods; Joodse; Hindoe; Hindoes; Sikh; Sikhs; Boeddhist; Falun Gong
  Europa; Europees; Europese; Afrika; Afrikaans; Afrikaanse; Azië; Aziatisch; Aziatische; Midden-Oosten; Noord-Afrika; Noord-Afrikaans; Noord-Afrikaanse; Hoorn van Afrika
  Golfstaten; Maghreb; Balkan; Kaukasus; Centraal-Azië; Latijns-Amerika; Scandinavië; Benelux; Schengen; Westers; Westerse; Oosters; Oosterse
  Nederlands; Nederlandse; Nederlanders; Hollands; Hollandse; Vlaams; Vlaamse; Fries; Friese
`);

/** Regions abroad: at the level of a province they stay, as Dutch provinces do. */
export const foreignRegions = lines(`
  Koerdistan; Iraaks Koerdistan; Rojava; Xinjiang; Oost-Turkestan; Tibet; Hongkong; Macau; Binnen-Mongolië; Guangdong; Fujian; Zhejiang; Sichuan; Yunnan
  Rif; Rifgebergte; Souss; Oriental; Tigray; Oromia; Amhara; Afar; Ogaden; Somaliland; Puntland; Jubaland; Darfur; Kordofan
  Anatolië; Oost-Anatolië; Zuidoost-Anatolië; Thracië; Zwarte Zee; Egeïsche Zee; Koerdische regio; Hatay
  Tsjetsjenië; Dagestan; Krim; Donbas; Donbass; Siberië; Kaliningrad; Transnistrië; Abchazië; Zuid-Ossetië; Nagorno-Karabach
  Punjab; Kashmir; Balochistan; Beloetsjistan; Sindh; Khyber Pakhtunkhwa; Sistan; Khuzestan; Kurdistan; Azerbeidzjan-provincie
  Gaza; Gazastrook; Westelijke Jordaanoever; Golan; Sinaï; Levant; Idlib; Aleppo-provincie; Noordoost-Syrië; Noord-Irak; Zuid-Libanon
  Vlaanderen; Wallonië; Brussels Gewest; Noordrijn-Westfalen; Beieren; Île-de-France
`);

/**
 * Foreign cities of a million people or more: like capitals, they do not point to a person, and
 * where a state acts from matters to the analysis. Other foreign places are redacted when found.
 */
export const majorForeignCities = lines(`
  Istanbul; Izmir; Bursa; Antalya; Adana; Gaziantep; Konya; Kayseri; Diyarbakır; Diyarbakir; Mersin; Şanlıurfa; Urfa
  Casablanca; Marrakech; Marrakesh; Fez; Fès; Tanger; Tangier; Agadir; Meknes; Oujda
  Mashhad; Isfahan; Esfahan; Tabriz; Shiraz; Karaj; Qom; Ahvaz
  Shanghai; Guangzhou; Shenzhen; Chengdu; Chongqing; Wuhan; Tianjin; Xi'an; Hangzhou; Nanjing; Urumqi; Ürümqi; Kashgar; Harbin; Shenyang; Dalian; Qingdao; Xiamen; Kunming; Lhasa
  Sint-Petersburg; Sankt-Peterburg; Saint Petersburg; Novosibirsk; Jekaterinenburg; Yekaterinburg; Kazan; Nizjni Novgorod; Grozny; Rostov; Vladivostok
  Charkiv; Kharkiv; Odessa; Odesa; Dnipro; Lviv; Lviv; Minsk
  Aleppo; Homs; Latakia; Mosul; Basra; Erbil; Sulaymaniyah; Kirkuk; Beiroet
  Alexandrië; Alexandria; Giza; Jeddah; Djedda; Mekka; Mecca; Medina; Dubai; Sharjah
  Karachi; Lahore; Faisalabad; Rawalpindi; Peshawar; Herat; Kandahar; Mazar-i-Sharif; Jalalabad
  Mumbai; Kolkata; Chennai; Bangalore; Hyderabad; Ho Chi Minh-stad; Ho Chi Minhstad; Saigon; Lagos; Kano; Johannesburg; Durban; Kaapstad
  New York; Los Angeles; Chicago; Toronto; Montreal; Sydney; Melbourne; Rio de Janeiro; São Paulo
  Antwerpen; Gent; Luik; Charleroi; Hamburg; München; Keulen; Frankfurt; Düsseldorf; Marseille; Lyon; Milaan; Napels; Barcelona; Birmingham; Manchester
`);

/**
 * Public office holders whose names the analysis needs (who gave an order, who was quoted). Not
 * people to protect; the officer may still redact them.
 */
export const publicFigures = lines(`
  Erdoğan; Erdogan; Recep Tayyip Erdoğan; Poetin; Putin; Vladimir Poetin; Xi; Xi Jinping; Khamenei; Ali Khamenei; Ayatollah Khamenei; Pezeshkian; Raisi; Rohani; Rouhani
  Isaias Afwerki; Afwerki; Abiy; Abiy Ahmed; Mohammed VI; Mohammed de Zesde; Lukasjenko; Loekasjenko; Lukashenko; Assad; Bashar al-Assad; Al-Assad
  Kadyrov; Lavrov; Zelensky; Zelenski; Hassan Sheikh Mohamud; Kagame; Paul Kagame; Mugabe; Sisi; Al-Sisi; Bin Salman; Mohammed bin Salman; Khomeini
`);

/**
 * Words of the taxonomy and of the trade that officers capitalise (headings, acronyms): never a
 * name. Compared in lower case.
 */
export const domainTerms = lines(`
  OBI; Ongewenste Buitenlandse Inmenging; STIX; MISP; TLP; TLP:RED; TLP:AMBER; TLP:GREEN; TLP:CLEAR; Admiralty; NB; PS; Nb; Ps; Bron; Melder; Betrokkene; Contactpersoon
  Signaal; Fenomeenbeeld; Diaspora; Diasporabelasting; Transnationale repressie; TNR; Spijtbetuiging; Notitie; Gesprek; Actie; Vervolg; Conclusie; Samenvatting
  Tel; Tel.; Mob; Mob.; Mail; E-mail; Adres; Postcode; Kenteken; BSN; IBAN; KvK-nummer; Ref; Ref.; Zie; Cc; Bcc; Fwd; Onderwerp
  Maandag; Dinsdag; Woensdag; Donderdag; Vrijdag; Zaterdag; Zondag; Januari; Februari; Maart; April; Mei; Juni; Juli; Augustus; September; Oktober; November; December
  Monday; Tuesday; Wednesday; Thursday; Friday; Saturday; Sunday; January; February; March; June; July; August; October; Oct; Dec
  Ok; Oké; Okay; Hoi; Hallo; Groet; Groeten; Mvg; Gr; Ivm; Mbt; Dwz; Bijv; Evt; Ca; Resp
  Centraal Station; Schiphol; Eurostar; Thalys; NS; KLM; Turkish Airlines; Pegasus; Royal Air Maroc; Emirates; Ryanair; Transavia; Flixbus
`);
