/**
 * Names written for this project, to add what the Belgian-Dutch lists of @zxcvbn-ts/language-nl-be
 * lack: common Dutch surnames and the names of the diaspora communities the officers talk with.
 * Spellings with and without diacritics need not both be listed: lookups fold diacritics.
 */

const words = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);

export const dutchFirstNames = words(`
  Jan Piet Kees Henk Joost Sanne Femke Saskia Marieke Annelies Wim Gerrit Hendrik Willem Pieter Klaas Jeroen Bas Ruud Thijs
  Sjoerd Wouter Maarten Floor Fleur Anouk Ilse Inge Ingrid Joke Mieke Riet Truus Annemarie Marloes Lieke Lotte Noortje Sophie
  Tessa Wilma Yvonne Corrie Dirk Evert Frits Geert Hans Harm Jaap Joop Koen Rob Ton Arie Bram Daan Gijs Hugo Jesse Luuk Milan
  Niels Ruben Sem Stijn Teun Tim Tom Jasper Mark Martijn Michiel Erik Frank Bart Paul Peter Rik Rutger Sander Vincent Gert
  Mathijs Anneke Astrid Carla Els Esther Hanneke Jolanda Karin Linda Margriet Monique Petra Renate Sandra Marijke Nicole
  Miriam Judith Eline Iris Merel Nienke Sterre Fenna Jorien Hester Annet Gerda Henny Ria Willemijn Johan Kevin Dennis Patrick
  Marco Marcel Richard Robert Edwin Remco Erwin Ronald Arjan Hennie Jos Jolien Mirjam Manon Marjolein Suzanne Wendy Kim
`);

export const dutchSurnames = words(`
  Jong Jansen Vries Berg Dijk Bakker Janssen Visser Smit Meijer Boer Mulder Groot Bos Vos Peters Hendriks Leeuwen Dekker
  Brouwer Wit Dijkstra Smits Graaf Meer Linden Kok Jacobs Haan Vermeulen Heuvel Veen Broek Bruijn Bruin Heijden Schouten Beek
  Willems Vliet Ven Hoekstra Maas Verhoeven Koster Dam Wal Prins Blom Huisman Peeters Wijk Postma Kuipers Veenstra Kramer Brink
  Scholten Wijngaarden Post Martens Vink Laan Kuiper Timmermans Hermans Lange Groen Koning Evers Pronk Nijhuis Bosch Veldman
  Wolters Hoogendoorn Verbeek Dijkman Molenaar Kroon Schipper Bosman Hofman Kamp Gerritsen Boersma Wouters Jonker Bouwman
  Lammers Koopman Huizinga Sanders Zwart Stam Rietveld Dekkers Haverkamp Hoek Kaptein Mol Oosterhof Roos Schreurs Snijders
  Sluiter Terpstra Vermeer Wagenaar Westra Zijlstra Zwaan Brouwers Claassen Damen Dijkhuizen Geurts Heijnen Jongsma Kort
  Lubbers Mertens Nieuwenhuis Otten Pieters Pols Ruiter Smeets Spijker Tol Wolf Wiersma Zuidema Boon Bruins Kuijpers Rijn
  Houten Loon Dongen Doorn Horst Velde Ploeg Zande Kampen Gils Have Kingma Brandsma Faber Haas Heemskerk Hooijer Veenendaal
  Vos Dijkhuis Beekman Schuurman Bakkers Mooij Pruim Aalbers Akkerman Bosma Hoogland Hulshof Kooistra Meijers Scheepers
`);

/** Turkish, Moroccan and other Arabic, Iranian, Afghan, Pakistani, Kurdish and Uyghur first names. */
export const diasporaFirstNames = words(`
  Mehmet Ahmet Mustafa Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil Süleyman Abdullah Mahmut Recep
  Salih Fatih Kadir Emre Burak Serkan Cem Kemal Erdem Volkan Hakan Tolga Onur Selim Orhan Yasin Enes Furkan Kerem Berk Arda
  Baran Deniz Barış Levent Serdar Gökhan Ercan Ferhat Yavuz Cengiz Metin Erol Nihat Necati Tuncay Ayhan Bülent Cihan Fikret
  Kenan Okan Oğuz Özgür Sinan Tamer Tarık Taner Uğur Ümit Zafer Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra
  Hanife Merve Özlem Esra Yasemin Hülya Derya Gül Gülsüm Songül Aylin Selin Ebru Sibel Seda Büşra Kübra Tuba Nurcan Melek
  Dilek Sevgi Sevim Filiz Aysel Gönül Hacer Havva Leyla Nermin Pınar Serpil Tülay Ülkü Yeliz Canan Dilan Esma Feride Gizem
  İrem Nazlı Rabia Sevda Şule Tuğba Zerrin Mihriban Kadriye Nesrin Nurten Semra Şükran Birgül Gülay Emel Hilal
  Mohamed Mohammed Muhammad Mohammad Mohamad Ahmed Ahmad Karim Khalid Khaled Rachid Rashid Said Saïd Youssef Yousef Yusef
  Abdel Abdelkader Abdelaziz Abderrahim Abdellah Abdelhak Abdelkrim Abdelilah Mustapha Hamid Hassan Hussein Hussain Houssain
  Driss Omar Othman Brahim Ibrahim Ismail Jamal Nabil Nordin Noureddine Redouan Ridouan Soufiane Tarik Tariq Yassin Yassine
  Zakaria Bilal Hicham Hamza Mehdi Anouar Anwar Ayoub Badr Bouchaib Fouad Ilias Ilyas Imad Jawad Khalil Mounir Mourad Nasser
  Samir Sami Sofian Sofyan Walid Younes Younesse Zouhair Aziz Abdul Abdallah Mahmoud Nadir Reda Marwan Majid Faisal Fares
  Ghassan Hadi Hani Issa Jihad Kamal Mazen Nizar Qasim Rami Saleh Salim Wael Yahya Ziad Mohsin Adil Adel Amin Amine Ayman
  Fatima Fatiha Khadija Aicha Aïcha Aisha Naima Nadia Malika Samira Saida Rachida Hanan Hafsa Houda Ikram Imane Iman Jamila
  Karima Latifa Loubna Mariam Maryam Nora Nour Noor Rania Salma Sanae Siham Soumaya Warda Yasmina Yasmine Zineb Zainab Zahra
  Zohra Layla Leila Amal Amina Asma Btissam Dounia Ghizlane Hajar Hind Kaoutar Khaoula Lamia Mouna Najat Nisrine Oumaima
  Rajae Sabah Wafae Widad Zakia Souad Fadwa Hayat Ilham Kenza Meriem Nawal Ouafae Rim Safae Sihame Touria Yamina Zoubida
  Reza Hossein Mehdi Amir Arash Babak Bahram Behnam Behrouz Dariush Farhad Farid Hamed Javad Kamran Kaveh Kourosh Masoud
  Mehran Mohsen Morteza Navid Omid Parviz Payam Peyman Pouya Ramin Saeed Saman Shahram Siamak Sina Vahid Yashar Ehsan Nima
  Pedram Keyvan Fatemeh Nasrin Parisa Shirin Soraya Mina Neda Negin Niloofar Nazanin Roya Samira Sepideh Shabnam Mahsa
  Golnar Golnaz Azadeh Bahar Farnaz Forough Haleh Laleh Mahnaz Marjan Mitra Nahid Narges Parvin Shahla Simin Taraneh Yasaman
  Ziba Elham Atefeh Fereshteh Homa Shiva Setareh Tahmineh
  Jawid Mirwais Nasir Naveed Obaid Qadir Rahim Rahmat Sayed Shafiq Sohail Wahid Zabihullah Zalmai Zarif Massoud Habib Gul
  Fariba Freshta Gulalai Hadia Nargis Parwana Shabana Shakila Sohaila Zarghona Zohal Malalai Imran Asif Usman Adnan Shahid
  Zubair Waqas Zeeshan Irfan Rizwan Saqib Ayesha Hina Sana Sadia Saima
  Berfin Delal Rojda Rojin Zana Azad Welat Serhat Şervan Rezan Jiyan Hêvî Ronahi Berivan Zilan Arjin Rêber Şiyar Hawre
  Karwan Kawa Shvan Shilan Nazdar Hejar Sherko Hemin Aso Dilvin Heval Evin Newroz
  Ablikim Abdurehim Abduweli Ahmatjan Alimjan Dilnur Gulbahar Gulnar Gulnaz Ilham Mukerrem Nurgul Nurmuhammad Parhat Rahima
  Rukiye Tursun Tursunay Tahir Memet Mamat Kurban Qurban Erkin Dolkun Omerjan Rishat Abdulla Ayshem Zumret Zulpikar Ekber
  Jewlan Rushan Sayragul Zumrat Gulchehra Mihrigul Arslan
`);

/** Eritrean, Ethiopian, Somali and other African first names (also used as fathers' names). */
export const africanFirstNames = words(`
  Tesfay Tesfaye Tesfamariam Tekle Teklay Tsegay Tsegaye Yonas Yohannes Dawit Berhane Berhe Kidane Mehari Haile Habte Ghebre
  Gebre Gebremedhin Gebremariam Gebrehiwet Mulugeta Mussie Mesfin Amanuel Biniam Bereket Efrem Filmon Futsum Ghirmay Goitom
  Hagos Hailu Kibrom Medhanie Mebrahtu Merhawi Mikael Natnael Negassi Robel Semere Sirak Tedros Tewelde Weldu Woldu Yemane
  Yosief Zerai Zeray Asmerom Awet Fitsum Henok Kaleab Temesgen Abraham Ermias Fikru Girma Kebede Tadesse Tesfalem Yared
  Selam Senait Saba Lidya Luwam Meron Mulu Rahel Tigist Tsega Winta Yordanos Abeba Almaz Aster Azeb Freweyni Genet Hiwet
  Hirut Kidist Letekidan Mekdes Mihret Nardos Rigbe Semhar Selamawit Tirhas Tsehay Weini Yohana Zewdi Betelhem Eden Helen
  Abdi Abdirahman Abdirashid Abdullahi Farah Jama Mohamud Mukhtar Nur Warsame Abdikarim Abdiaziz Abdiwahab Abdinasir
  Abdisalam Aden Adan Awale Dahir Elmi Guled Hirsi Jibril Liban Mahad Sharmarke Khadar Abdiqani Abdifatah Hamse
  Fadumo Faduma Halima Hawa Hodan Ifrah Khadra Ladan Maryan Nasra Sahra Sagal Safiya Shukri Sumaya Sucaad Ubah Zamzam Ayan
  Deeqa Filsan Hibo Idil Muna Nimco Raho Sirad Asha Ayaan Hamdi
  Uwimana Mukamana Niyonzima Habimana Ndayisaba Mugisha Uwase Ingabire Kwame Kofi Ama Akosua Yaw Kwabena Chidi Emeka Ngozi
`);

/** Chinese, Vietnamese, Russian, Ukrainian and Tamil first names. */
export const asianAndEasternFirstNames = words(`
  Wei Fang Min Jing Lei Jun Yang Yan Hui Ying Xin Ming Hong Hua Jie Tao Qiang Ping Gang Yong Feng Hao Xiaoming Xiaoli Xiaoyan
  Jian Mei Ling Juan Xia Yun Zhen Qing Shan Chao Bin Kai Rui Zhi Zhiwei Jianguo Guoqiang Haiyan Lijuan Yuxin Zihan Haoran
  Yuting Xiaohui Wenjie Jiahui Mengyao Xiaojun Jianhua Weiwei Lili Tingting Yiming Zhiqiang Xiuying Guiying Yufei Shu
  Anh Binh Cuong Dung Hieu Hoa Hung Huong Khanh Linh Minh Nga Ngoc Phuong Quang Thanh Thao Thu Trang Trung Tuan Tung Viet
  Vinh Xuan Yen Duc Hanh Hoai Thuy Tien
  Aleksandr Alexander Alexei Aleksej Aleksei Andrei Andrej Anton Artem Artjom Boris Dmitri Dmitry Dmitrij Evgeny Jevgeni
  Yevgeny Igor Ilya Ivan Kirill Konstantin Maxim Maksim Mikhail Michail Nikolai Nikolaj Oleg Pavel Sergei Sergej Sergey
  Stanislav Vadim Valentin Viktor Vladimir Vladislav Yuri Joeri Timur Ruslan Bogdan Taras Vasyl Volodymyr Oleksandr Oleksiy
  Mykola Petro Yaroslav Gennadi Grigori Leonid Anatoli Arkadi Denis Fyodor Gleb Lev Pjotr Pyotr Semjon Vitali Vasili
  Anastasia Alina Daria Darja Ekaterina Jekaterina Elena Jelena Irina Julia Yulia Joelia Ksenia Larisa Lyudmila Ljoedmila
  Marina Natalia Natalja Nadezhda Olga Oksana Polina Svetlana Tatiana Tatjana Valentina Vera Yana Zoya Galina Lyubov
  Kateryna Olena Iryna Halyna Tetiana Masha Nadja Nastja Sveta Katja Anja Ljoeba Ludmila Ekaterina Evgenia Inna Alla
  Sivakumar Kumar Ravi Selvam Murugan Suresh Ganesh Priya Kavitha Lakshmi Tharshini Jegan Sutharshan Thavarajah Kannan
  Rajesh Arun Vijay Anand Nirmala Geetha Shanthi
`);

export const diasporaSurnames = words(`
  Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan
  Şimşek Polat Özcan Korkmaz Çakır Yavuz Acar Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Özer Işık Kaplan Avcı
  Sarı Tekin Köse Yüksel Ateş Aksoy Yiğit Demirtaş Karaca Uçar Bayram Kocabaş Uysal Erdem Tunç Akın Sönmez Başaran Akbulut
  Duman Ekinci Güven Karakaya Tuncer Altun Bayrak Coşkun Çiftçi Demirci Durmaz Eren Gündoğdu Kahraman Karataş Kartal
  Kırmızı Korkut Kılınç Önal Özbek Özkaya Sağlam Soylu Toprak Uzun Yaman Yücel Zengin Akgül Aydemir Baysal Çınar Dinç
  Ergün Gündüz Karakuş Koçak Sezer Atalay Kocaman Bilgin Bozdağ Çalışkan Gökçe Kaymaz Oruç Pehlivan Sevinç Tatlı Ünlü
  Amrani Idrissi Bouzid Benali Boukhari Khatib Alaoui Bennani Berrada Tazi Fassi Chraibi Benjelloun Lahlou Ouazzani Bakkali
  Azzouzi Haddouchi Akhnikh Boulahrouz Bouali Bouchikhi Bouzian Chaara Chahid Hamdaoui Harrak Yassini Essafi Khattabi
  Lamrani Marzouk Mouhib Ouali Ouaali Tahiri Touzani Zaoui Ziani Haddad Hadouch Amezian Azaouagh Bouhali Belhaj Benhammou
  Boussaid Ghazi Fadil Hajji Kaddouri Mokhtari Naciri Nouri Rachidi Saidi Tounsi Yahyaoui Zerouali Zahiri Rifi Mokadem
  Bousaid Aouragh Chakir Hamdi Jebari Laaroussi Ouahabi Talbi Boujaddayn Azarkan Marzouki Bouchtaoui Charrak Oulad Moussaoui
  Khoury Hassan Hussein Khalil Mansour Nasser Saleh Abboud Darwish Farouk Habib Hamdan Jaber Kanaan Masri Nassar Qassem
  Rahman Rashid Sabbagh Shami Tamimi Yousef Zidan Hashimi Alhamoud Hallak Jabbour Karam Mahmoud Obeid Sharif Suleiman Zaher
  Kurdi Halabi Homsi Hamwi Dabbagh Othman Kassem Shaaban Tawil Sabri Yassin
  Karimi Ahmadi Hosseini Mohammadi Rezaei Moradi Rahimi Hashemi Jafari Ghorbani Sadeghi Mousavi Hosseinzadeh Rostami Amini
  Kazemi Ebrahimi Nazari Azizi Tehrani Farahani Shirazi Esfahani Tabrizi Bagheri Alavi Akbari Asadi Bahrami Ghasemi Heidari
  Jalali Kamali Karami Mirzaei Najafi Rahmani Safavi Salehi Samadi Sharifi Soltani Taheri Yazdani Zamani Tavakoli Abbasi
  Fathi Habibi Kiani Mahmoudi Navabi Parsa Saberi Vaziri Rezaie Ahmadzai Amiri Hakimi Hamidi Haidari Noori Popal Qaderi
  Rasuli Sadat Safi Stanekzai Wardak Yousufzai Zazai Sahak Mohmand Durrani Khan Nabizada Kakar Butt Chaudhry Malik Qureshi
  Sheikh Siddiqui Iqbal Raza Shah Akhtar Aslam Baig Mirza Rana Awan Bhatti Cheema Gill Javed
  Tesfamariam Gebremedhin Gebremariam Gebrehiwet Gebreyesus Habtemariam Haileselassie Kahsay Tekeste Tesfazion Woldemariam
  Woldemichael Ghebremedhin Ghebreyesus Berhane Mehari Kidane Abraha Asfaha Mengistu Tekle Weldemichael Zerezghi Andemariam
  Warsame Farah Jama Mohamud Hirsi Elmi Guled Egal Abdulle Dualeh Samatar Yusuf Ismail Aden Omar
  Wang Zhang Liu Chen Yang Huang Zhao Zhou Sun Zhu Guo Lin Gao Luo Zheng Liang Xie Tang Feng Deng Cao Peng Zeng Xiao
  Tian Dong Pan Yuan Cai Jiang Du Cheng Su Ding Ren Yao Shen Zhong Cui Liao Shi Jin Jia Xia Fu Zou Xiong Bai Meng Qin Qiu
  Hou Yin Xue Duan Lei Tao Mao Hao Gu Gong Shao Qian Chan Wong Cheung Chow Lau Leung Kwok Tsang Yip Zhuang Li Wu Xu Ma He
  Hu Yu Lu Ye Fan Tan Lam Ho Ng Le Vu Vo Do Ly
  Nguyen Tran Pham Hoang Huynh Phan Dang Bui Ngo Duong Truong Dinh
  Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov
  Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoriev
  Romanov Vorobiev Sergeev Kuzmin Frolov Alexandrov Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov
  Kovalev Belov Antonov Tarasov Zhukov Baranov Filippov Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev
  Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov Danilov Fomin Chernov
  Abramov Efimov Nazarov Kalinin Isaev Bykov Maslov Lazarev Voronin Klimov Filatov Golubev Naumov Sobolev Goncharov Kotov
  Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk Koval Polishchuk Bondar Tkachuk Moroz Marchenko
  Lysenko Rudenko Savchenko Petrenko Melnyk Boyko Kovalchuk Levchenko
  Sivakumar Thavarajah Nadarajah Balasingham Kandasamy Rajan Selvarajah Sivanesan
`);

/**
 * Words that join the parts of a name. Dutch tussenvoegsels and the particles of Arabic, Somali,
 * Romance and German names. Compared in lower case.
 */
export const nameParticles = words(`
  van de der den te ten ter 't vd v.d. v/d d' 's
  el al ben bin bint ibn abu abou abd ould ait aït oulad
  da di del della dos das du le la von zu mac o' st. sint
`);

/** Honorifics and roles written before a name; the span starts after them, so they stay readable. */
export const titlesBefore = words(`
  meneer mijnheer mevrouw juffrouw heer mr dr drs ir ing prof dhr mw mevr mej ds
  imam sjeik sheikh hodja hoca pastoor dominee pater priester abuna broeder zuster zr oom tante opa oma neef nicht
  hadji hadj haji hajj hajja mullah molla ayatollah rabbijn monnik dokter agent inspecteur rechercheur wijkagent
  juf meester consul attaché ambassadeur voorzitter secretaris penningmeester bestuurder woordvoerder
  mister mrs ms miss herr frau sayed seyed sayyid sidi lalla
  broer zus vader moeder schoonvader schoonmoeder zoon dochter neefje nichtje collega buurman buurvrouw vriend vriendin
  man vrouw echtgenoot echtgenote
`);

/** Honorifics written after a name (Ahmet Bey, Ayşe Hanım, Ali jan). */
export const titlesAfter = words(`bey hanım hanim hoca efendi khanum khanom agha aga jan`);

/**
 * Endings typical of surnames in the communities concerned; a capitalised word that is not a Dutch
 * word and ends in one of these is taken for a name even without other evidence.
 */
export const surnameEndings = words(`
  oğlu oglu zadeh zade pour nejad ov ova ev eva ovich ovic ović evich ić enko chuk czuk sky skaya ski ska ian yan
  ashvili dze jani yeva
`);
