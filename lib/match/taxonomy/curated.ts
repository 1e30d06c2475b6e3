/**
 * Hand-written part of the taxonomy: technologies with their abbreviations and spellings, plus the
 * degrees, certifications, spoken languages, fields and soft skills that ESCO and O*NET name poorly or
 * only in English. Read by scripts/build-taxonomy.ts; curated names win over ESCO/O*NET ones.
 *
 * One skill per line: `Canonical | surface, surface, …`. The canonical name is a surface form too unless
 * listed with flags. Flags (see taxonomy/index.ts): `=` case matters, `~` only next to another
 * technology or a cue word. Hyphens and slashes are ignored in matching (front-end = front end), as are
 * possessives and plural -s.
 */
import type { SkillKind } from '../types';

const technology = `
JavaScript | javascript, js, java script, ecmascript, es6, es2015, es5, vanilla js
TypeScript | typescript, =TS
Java | java, core java, java se
Java EE | java ee, jee, j2ee, jakarta ee, java enterprise edition
Python | python, python3, python2
Go | =Go, golang
Rust | =Rust, rustlang
C | =C
C++ | c++, cpp, modern c++, c plus plus
C# | c#, csharp, c sharp
F# | f#
Objective-C | objective-c, objc, obj-c
Swift | =Swift, swiftui
Kotlin | kotlin
Scala | scala
Ruby | =Ruby
Ruby on Rails | ruby on rails, =Rails, =RoR
PHP | php
Perl | =Perl
R | =R, rlang, r programming, rstudio
MATLAB | matlab
Julia | =~Julia
Dart | =Dart
Elixir | elixir
Erlang | erlang
Haskell | haskell
Clojure | clojure
Lua | =Lua
Groovy | =Groovy
Fortran | fortran
COBOL | cobol
Visual Basic | visual basic, vb.net, vba, vb
Delphi | =Delphi
Assembly language | assembly language, assembler, =~Assembly
Shell scripting | shell scripting, shell script, shell
Bash | bash, bash scripting
PowerShell | powershell
SQL | sql
T-SQL | t-sql, tsql, transact-sql
PL/SQL | pl/sql, plsql
NoSQL | nosql
HTML | html, html5, html 5, xhtml
CSS | css, css3, css 3
Sass | sass, scss
Less | =~LESS
Tailwind CSS | tailwind, tailwind css, tailwindcss
Bootstrap | =Bootstrap
jQuery | jquery
React | =React, reactjs, react.js, react js
React Native | react native, react-native
Redux | redux
Next.js | next.js, nextjs
Angular | =Angular, angularjs, angular.js, angular js
Vue.js | =Vue, vue.js, vuejs, vue js, vue3
Nuxt | nuxt, nuxt.js, nuxtjs
Svelte | svelte, sveltekit
Ember.js | ember.js, emberjs
Backbone.js | backbone.js, backbonejs
Node.js | node.js, nodejs, node js, =Node
Express | express.js, expressjs, =~Express
NestJS | nestjs, nest.js
Deno | deno
Webpack | webpack
Vite | =Vite
Babel | =~Babel
GraphQL | graphql
REST | rest, restful, rest api, restful api, rest apis, restful services, restful web services, rest services
SOAP | =SOAP
gRPC | grpc
WebSockets | websockets, websocket
JSON | json
XML | xml, xslt, xsd
YAML | yaml
Protocol Buffers | protobuf, protocol buffers
OpenAPI | openapi, swagger
API | api, apis, web api, api development, api design
Microservices | microservices, microservice, micro services, microservice architecture
Web services | web services, web-services, webservices
Serverless | serverless
.NET | .net, dotnet, dot net, .net core, .net framework, =NET, . net, . net core, . net framework
ASP.NET | asp.net, asp.net core, asp.net mvc, asp
Entity Framework | entity framework
Blazor | blazor
WPF | wpf
Xamarin | xamarin
Unity | =Unity, unity3d
Unreal Engine | unreal engine, =Unreal
Spring | =Spring, spring framework, spring-mvc, spring mvc, spring core
Spring Boot | spring boot, springboot, spring-boot
Hibernate | hibernate
JPA | jpa
Jakarta EE servlets | servlet, servlets, jsp
Maven | maven
Gradle | gradle
Ant | =~Ant
JUnit | junit
TestNG | testng
Mockito | mockito
Django | django
Flask | =Flask
FastAPI | fastapi
Pandas | pandas
NumPy | numpy
SciPy | scipy
scikit-learn | scikit-learn, sklearn, scikit learn
TensorFlow | tensorflow
PyTorch | pytorch
Keras | keras
Spark | =Spark, apache spark, apache-spark, pyspark, spark sql
Hadoop | hadoop, hdfs, mapreduce
Hive | =Hive, apache hive
Kafka | kafka, apache kafka
RabbitMQ | rabbitmq
ActiveMQ | activemq
JMS | jms
Airflow | airflow, apache airflow
Flink | flink, apache flink
Databricks | databricks
Snowflake | =Snowflake
dbt | =dbt
BigQuery | bigquery
Redshift | redshift
MySQL | mysql
PostgreSQL | postgresql, postgres, psql
Microsoft SQL Server | sql server, mssql, ms sql, microsoft sql server, ms sql server
Oracle Database | oracle database, oracle db, =Oracle, oracle 11g, oracle 12c
SQLite | sqlite
MongoDB | mongodb, mongo
Cassandra | cassandra, apache cassandra
Redis | redis
Memcached | memcached
Elasticsearch | elasticsearch, elastic search, elastic stack, elk, elk stack, opensearch
Kibana | kibana
Logstash | logstash
DynamoDB | dynamodb
Neo4j | neo4j
CouchDB | couchdb
Couchbase | couchbase
MariaDB | mariadb
Aerospike | aerospike
Relational databases | relational databases, relational database, rdbms
Databases | databases, database, database design
Data warehouse | data warehouse, data warehousing, dwh
ETL | etl, elt
Amazon Web Services | aws, amazon web services, amazon-web-services, amazon aws
AWS Lambda | aws lambda, =Lambda
Amazon EC2 | ec2, amazon ec2, aws ec2
Amazon S3 | s3, amazon s3, aws s3
Amazon ECS | ecs, amazon ecs, aws ecs
Amazon EKS | eks, amazon eks
Amazon RDS | rds, amazon rds
Amazon SQS | sqs, amazon sqs
Amazon SNS | sns, amazon sns
AWS CloudFormation | cloudformation
Amazon CloudWatch | cloudwatch, cloud watch
Amazon CloudFront | cloudfront
Amazon Aurora | =Aurora, amazon aurora
Microsoft Azure | azure, microsoft azure, azure devops, azure cloud
Google Cloud Platform | gcp, google cloud, google cloud platform, google-cloud-platform
Firebase | firebase
Heroku | heroku
OpenStack | openstack
Cloud computing | cloud computing, cloud, cloud services, cloud platforms, cloud platform, cloud technologies, cloud infrastructure, public cloud, private cloud, hybrid cloud, cloud native, cloud-native, cloud solutions
Docker | docker, dockerfile, docker compose
Kubernetes | kubernetes, k8s, k8, kubectl
OpenShift | openshift
Helm | =Helm
Istio | istio
Containers | containers, containerization, containerisation, container technology, container technologies
Terraform | terraform
Ansible | ansible
Puppet | =Puppet
Chef | =~Chef
SaltStack | saltstack
Vagrant | vagrant
Packer | =~Packer
Vault | =~Vault, hashicorp vault
Consul | =~Consul
Infrastructure as code | infrastructure as code, infrastructure-as-code, iac
Jenkins | jenkins
GitLab CI | gitlab ci, gitlab-ci
GitHub Actions | github actions
CircleCI | circleci, circle ci
Travis CI | travis ci, =Travis
TeamCity | teamcity
Bamboo | =Bamboo
Argo CD | argocd, argo cd
CI/CD | ci/cd, cicd, ci cd, ci/cd pipelines, ci/cd pipeline, =CI, =CD
Continuous integration | continuous integration
Continuous delivery | continuous delivery, continuous deployment
Prometheus | prometheus
Grafana | grafana
Datadog | datadog
New Relic | new relic
Splunk | splunk
Nagios | nagios
Zabbix | zabbix
Sentry | =Sentry
Nginx | nginx
Apache HTTP Server | apache http server, apache httpd, httpd, =Apache
Tomcat | tomcat, apache tomcat
JBoss | jboss, wildfly
WebLogic | weblogic
WebSphere | websphere
IIS | =IIS
Linux | linux, gnu/linux
Unix | unix
Ubuntu | ubuntu
Debian | debian
Red Hat Enterprise Linux | red hat, redhat, rhel, red hat enterprise linux
CentOS | centos
Windows Server | windows server
macOS | macos, mac os, os x
Android | android, android sdk, android studio
iOS | ios
Mobile development | mobile development, mobile app development, mobile apps, mobile applications
Flutter | flutter
Ionic | =Ionic
Cordova | cordova, phonegap
Cocoa | =Cocoa, cocoa touch
UIKit | uikit
Core Data | core data
Selenium | selenium, selenium webdriver, webdriver
Cypress | =Cypress
Playwright | =Playwright
Jest | =Jest
Mocha | =Mocha
Jasmine | =~Jasmine
Karma | =~Karma
Cucumber | =Cucumber
Appium | appium
Postman | =Postman
JMeter | jmeter
Gatling | gatling
pytest | pytest
RSpec | rspec
Test automation | test automation, automated testing, automation testing, automated tests, test automation frameworks
Unit testing | unit testing, unit tests, unit test
Integration testing | integration testing, integration tests
Test-driven development | tdd, test-driven development, test driven development
Behaviour-driven development | bdd, behaviour driven development, behavior driven development
Git | git
GitHub | github
GitLab | gitlab
Bitbucket | bitbucket
Subversion | subversion, =SVN
Version control | version control, source control
Laravel | laravel
Symfony | symfony
Drupal | drupal
WordPress | wordpress
Magento | magento
Shopify | =Shopify
Salesforce | salesforce, salesforce.com, sfdc
SAP | =SAP, sap erp, sap s/4hana, s/4hana, sap hana
ABAP | abap
Microsoft Dynamics | microsoft dynamics, dynamics 365, dynamics ax, dynamics nav, navision
ServiceNow | servicenow
OAuth | oauth, oauth2, openid connect, oidc
SAML | saml
LDAP | ldap
Active Directory | active directory
TCP/IP | tcp/ip, tcp, udp
HTTP | http, https, http/2
DNS | dns
DHCP | dhcp
BGP | bgp
OSPF | ospf
MPLS | mpls
VPN | vpn
Networking | networking, computer networks, network protocols, lan, wan, sd-wan
Cisco | =Cisco, cisco ios
Juniper | =Juniper
VMware | vmware, vsphere, esxi
Hyper-V | hyper-v
Virtualization | virtualization, virtualisation
Citrix | citrix
Bluetooth | bluetooth, ble, bluetooth low energy
Zigbee | zigbee
Wi-Fi | wifi, wi-fi, wlan
5G | 5g, lte, 4g
Embedded systems | embedded systems, embedded software, embedded linux, embedded c, firmware
RTOS | rtos, freertos
FPGA | fpga
VHDL | vhdl
Verilog | verilog, systemverilog
Arduino | arduino
Raspberry Pi | raspberry pi
PLC | =PLC, plc programming
SCADA | scada
CAN bus | can bus, canbus
Qt | =Qt
OpenGL | opengl
Vulkan | =Vulkan
DirectX | directx
CUDA | cuda
CMake | cmake
LLVM | llvm, clang
Boost | =~Boost
STL | =STL
Multithreading | multithreading, multi-threading, concurrency, concurrent programming, parallel programming
Object-oriented programming | object-oriented programming, object oriented programming, oop, object-oriented design, ood, object oriented design, object oriented
Functional programming | functional programming
Design patterns | design patterns, design pattern
Data structures | data structures, algorithms, data structures and algorithms
Software architecture | software architecture, solution architecture, system architecture, systems architecture, application architecture, system design, architecture design, enterprise architecture
Domain-driven design | domain-driven design, ddd
Event-driven architecture | event-driven architecture, event driven architecture, event sourcing, cqrs
Distributed systems | distributed systems, distributed computing
High availability | high availability, high-availability, disaster recovery
Scalability | scalability
Performance engineering | performance testing, load testing, performance tuning
Web development | web development, web applications, web application, web apps, web app, web technologies
Frontend development | front-end, frontend, front end, front-end development, frontend development, client-side
Backend development | back-end, backend, back end, back-end development, backend development, server-side
Full-stack development | full-stack, fullstack, full stack
Single-page applications | single page applications, spa
Responsive design | responsive design, responsive web design
Accessibility | accessibility, wcag, a11y
Progressive web apps | pwa, progressive web apps
Storybook | storybook
Material UI | material ui, material-ui, mui
Three.js | three.js, threejs
D3.js | d3.js, d3
RxJS | rxjs, reactive programming
MobX | mobx
Apollo GraphQL | =Apollo
OpenCV | opencv
Hugging Face | hugging face, huggingface, transformers
LangChain | langchain
Large language models | large language models, llm, llms, gpt, generative ai, genai
Spring Cloud | spring cloud
Quarkus | quarkus
Micronaut | micronaut
Vert.x | vert.x
Akka | akka
Play Framework | play framework
Struts | =Struts
JSF | =JSF
GWT | gwt
Lombok | lombok
Log4j | log4j, slf4j, logback
Jackson | =~Jackson
Gin | =~Gin
Solr | solr, apache solr, lucene
Zookeeper | zookeeper
HBase | hbase
Presto | presto, trino
Kinesis | kinesis
Pub/Sub | pub/sub, pubsub
Message queues | message queues, message queue, messaging, message brokers, message broker
MQTT | mqtt
AMQP | amqp
Tableau Server | tableau server
Power Automate | power automate
Power Apps | power apps, powerapps
Linux administration | linux administration, system administration, sysadmin, systems administration
Vim | =~Vim
Emacs | emacs
Cryptography | cryptography, encryption, pki, tls, ssl
Blockchain | blockchain, smart contracts, web3
Ethereum | ethereum
Solidity | solidity
IoT | iot, internet of things, iiot
Big data | big data, big-data, bigdata
Data pipelines | data pipelines, data pipeline
Data modeling | data modeling, data modelling
GIS | =GIS, geographic information systems
ArcGIS | arcgis
QGIS | qgis
CAD | =CAD, cad design
AutoCAD | autocad
SolidWorks | solidworks
CATIA | catia
Revit | revit
ANSYS | ansys
COMSOL | comsol
LabVIEW | labview
Simulink | simulink
Stata | =Stata
Vuex | vuex
Pinia | pinia
NgRx | ngrx
Lodash | lodash, underscore.js
Ramda | ramda
fp-ts | fp-ts, io-ts
Strapi | strapi
Contentful | contentful
Headless CMS | headless cms
Content management systems | cms, content management system, content management systems
SAPUI5 | sapui5, openui5, sap fiori, fiori
OData | odata
Snowpack | snowpack
Rollup | =Rollup
esbuild | esbuild
Parcel | =~Parcel
Gulp | gulp
Grunt | =Grunt
TestCafe | testcafe
Spinnaker | spinnaker
Elastic Beanstalk | elastic beanstalk
AWS IAM | iam, aws iam, identity and access management
Amazon VPC | vpc, vpcs
AWS Glue | aws glue
Amazon Athena | aws athena, amazon athena
API Gateway | api gateway, aws api gateway
SIEM | siem
VDI | vdi, virtual desktops
IPv6 | ipv6, ipv4
Load balancing | load balancing, load balancer, load balancers, haproxy
Caching | caching, distributed cache
CDN | cdn, cdns, content delivery network
ORM | orm
Dynatrace | dynatrace
AppDynamics | appdynamics
jOOQ | jooq
MockK | mockk
Retrofit | =Retrofit
Dagger | =Dagger, dagger 2, hilt
RxJava | rxjava, rx-java, rxkotlin, rxswift
Butterknife | butterknife
Glide | =~Glide
Picasso | =~Picasso
Volley | =~Volley
Jetpack Compose | jetpack compose, android jetpack, jetpack
Kotlin Coroutines | coroutines, kotlin coroutines
Combine | =~Combine
Core ML | core ml, coreml
ARKit | arkit, arcore
Realm | =~Realm
Auto Layout | auto layout, autolayout
CocoaPods | cocoapods
Carthage | =Carthage
Swift Package Manager | swift package manager, spm
Fastlane | fastlane
Kafka Streams | kafka streams, ksql, kafka connect
Apache Beam | apache beam
Apache NiFi | nifi, apache nifi
Storm | =~Storm
Impala | =Impala, apache impala
Sqoop | sqoop
Oozie | oozie
Delta Lake | delta lake, data lake, data lakes, lakehouse
Looker Studio | looker studio, data studio
Stream processing | stream processing, streaming data, real-time streaming, event streaming
Graph databases | graph databases, graph database
Time series databases | time series database, time series databases
InfluxDB | influxdb
TimescaleDB | timescaledb
ClickHouse | clickhouse
Vertica | vertica
Teradata | teradata
Informatica | informatica
Talend | talend
SSIS | ssis
SSRS | ssrs
SSAS | ssas
Alteryx | alteryx
dbt Cloud | dbt cloud
Fivetran | fivetran
Segment | =~Segment
Amplitude | =~Amplitude
Mixpanel | mixpanel
Optimizely | optimizely
A/B testing | a/b testing, ab testing, a/b tests, experimentation
Jupyter Lab | jupyterlab
Matplotlib | matplotlib
Seaborn | seaborn
Plotly | plotly, dash
XGBoost | xgboost
LightGBM | lightgbm
CatBoost | catboost
MLflow | mlflow
Kubeflow | kubeflow
Amazon SageMaker | sagemaker
Vertex AI | vertex ai
Reinforcement learning | reinforcement learning
Recommender systems | recommender systems, recommendation systems, recommendation engines
Time series analysis | time series analysis, forecasting
Optimization | mathematical optimization, operations research, linear programming
Spring Security | spring security
Spring Batch | spring batch
Spring Data | spring data
Keycloak | keycloak
Okta | =Okta
Auth0 | auth0
JWT | jwt, json web tokens
OWASP | owasp
Vulnerability management | vulnerability management, vulnerability scanning, threat modeling, threat modelling
ISO 27001 | iso 27001, iso/iec 27001, iso27001
SOC 2 | soc 2, soc2
PCI DSS | pci dss, pci-dss, pci
HIPAA | hipaa
Firewalls | firewall, firewalls
Palo Alto Networks | palo alto, palo alto networks
Fortinet | fortinet, fortigate
F5 | =F5
Routing and switching | routing and switching, routers, routing protocols
SD-WAN | sd-wan
Terraform Cloud | terraform cloud, terragrunt
Pulumi | pulumi
Crossplane | crossplane
Rancher | rancher
Nomad | =~Nomad
Linkerd | linkerd
Service mesh | service mesh
Envoy | =~Envoy
Traefik | traefik
Podman | podman
containerd | containerd
Cloud Foundry | cloud foundry, pcf, pivotal cloud foundry
Azure Functions | azure functions
Google Kubernetes Engine | gke, google kubernetes engine
Azure Kubernetes Service | aks, azure kubernetes service
Google App Engine | app engine
AWS CDK | aws cdk, cdk
Serverless Framework | serverless framework
Twelve-factor app | twelve-factor, 12 factor, 12-factor, twelve factor
Package management | package management
Build automation | build automation, build tools, build systems
OpenTelemetry | opentelemetry
Jaeger | =Jaeger
Zipkin | zipkin
Observability | distributed tracing, tracing, telemetry
PagerDuty | pagerduty
Opsgenie | opsgenie
Chaos engineering | chaos engineering
GitOps | gitops
Argo Workflows | argo workflows
Bazel | bazel
Buck | =~Buck
Conan | =~Conan
Valgrind | valgrind
GDB | =GDB
Yocto | yocto
Buildroot | buildroot
Zephyr | =~Zephyr
ARM | =ARM, arm cortex, cortex-m
Microcontrollers | microcontrollers, microcontroller, mcu
STM32 | stm32
ESP32 | esp32
SPI | =SPI
I2C | i2c
UART | uart
PCB design | pcb design, =PCB
Altium | altium
KiCad | kicad
Stateflow | stateflow
AUTOSAR | autosar
ROS | =ROS, robot operating system
SLAM | =SLAM
Computer networks | network engineering, network administration, network infrastructure
Windows | =Windows, ms windows, microsoft windows
Microsoft Entra ID | azure ad, entra id, azure active directory
Exchange | =~Exchange, microsoft exchange
Intune | intune
SCCM | sccm, mecm
Jamf | jamf
Scripting languages | scripting languages, scripting language
Programming languages | programming languages, programming language
Regular expressions | regular expressions, regex
WebAssembly | webassembly, wasm
WebRTC | webrtc
Electron | =Electron
Tauri | =~Tauri
Kotlin Multiplatform | kotlin multiplatform, kmm
Xamarin.Forms | xamarin.forms, .net maui, maui
Godot | =Godot
Game engines | game engines, game engine
Shaders | shaders, hlsl, glsl
Metal | =~Metal
Sitecore | sitecore
Adobe Experience Manager | adobe experience manager, =AEM
Liferay | liferay
Umbraco | umbraco
Joomla | joomla
PrestaShop | prestashop
WooCommerce | woocommerce
Stripe | =Stripe
Twilio | twilio
Algolia | algolia
Supabase | supabase
Prisma | =Prisma
TypeORM | typeorm
Sequelize | sequelize
Mongoose | =Mongoose
Knex | knex, knex.js
SQLAlchemy | sqlalchemy
Celery | =Celery
Gunicorn | gunicorn
uWSGI | uwsgi
Pydantic | pydantic
Poetry | =~Poetry
Conda | conda, anaconda
Cython | cython
Numba | numba
Dask | =Dask
Ray | =~Ray
Polars | =Polars
OpenMP | openmp
MPI | =MPI
HPC | =HPC, high performance computing, high-performance computing
Slurm | slurm
Linux kernel | linux kernel, kernel development, device drivers
Bioconductor | bioconductor
Nextflow | nextflow, snakemake
RNA-seq | rna-seq, rnaseq
Next-generation sequencing | =NGS, next-generation sequencing, next generation sequencing
Single-cell sequencing | single-cell sequencing, scrna-seq, single-cell rna-seq
Mass spectrometry | mass spectrometry, lc-ms
HPLC | hplc
Chromatography | chromatography
PCR | =PCR, qpcr
Cell culture | cell culture, cell cultures
CRISPR | crispr
Flow cytometry | flow cytometry, facs
Microscopy | microscopy, confocal microscopy
GMP | =GMP, good manufacturing practice, gxp
GLP | =GLP
CDISC | cdisc, sdtm, =ADaM
SPSS | spss, ibm spss
SAS | =SAS
Minitab | minitab
`;

const tool = `
Jira | jira, atlassian jira
Confluence | confluence
Trello | trello
Asana | =Asana
Slack | =Slack
Microsoft Teams | microsoft teams, ms teams
Notion | =~Notion
Excel | =Excel, ms excel, microsoft excel, excel vba, spreadsheets, spreadsheet
Microsoft Word | microsoft word, ms word
PowerPoint | powerpoint, ms powerpoint, microsoft powerpoint
Outlook | microsoft outlook, ms outlook, =~Outlook
Microsoft Access | microsoft access, ms access
Microsoft Project | microsoft project, ms project
Visio | visio, microsoft visio
SharePoint | sharepoint
Microsoft Office | microsoft office, ms office, office 365, microsoft 365, m365, o365, ms-office
Google Workspace | google workspace, g suite, gsuite, google docs, google sheets
Power BI | power bi, powerbi
Tableau | tableau
Looker | =Looker
Qlik | qlik, qlikview, qlik sense
Google Analytics | google analytics
Google Tag Manager | google tag manager
Google Ads | google ads, adwords
HubSpot | hubspot
Marketo | marketo
Mailchimp | mailchimp
Zendesk | zendesk
Intercom | =Intercom
Figma | figma
Sketch | =Sketch
Adobe XD | adobe xd
InVision | invision
Zeplin | zeplin
Adobe Photoshop | photoshop, adobe photoshop
Adobe Illustrator | illustrator, adobe illustrator
Adobe InDesign | indesign, adobe indesign
Adobe Premiere Pro | premiere pro, adobe premiere
After Effects | after effects
Adobe Creative Suite | adobe creative suite, adobe creative cloud, creative cloud, adobe suite
Final Cut Pro | final cut pro, final cut
Blender | =Blender
Maya | =~Maya, autodesk maya
3ds Max | 3ds max
IntelliJ IDEA | intellij, intellij idea
Eclipse | =Eclipse
Visual Studio | visual studio
Visual Studio Code | vs code, vscode, visual studio code
Xcode | xcode
Jupyter | jupyter, jupyter notebook
SonarQube | sonarqube, sonar
Nexus | =~Nexus
Artifactory | artifactory
npm | =npm
Yarn | =Yarn
Homebrew | homebrew
QuickBooks | quickbooks
Xero | =Xero
Workday | =Workday
BambooHR | bamboohr
Greenhouse | =~Greenhouse
Lever | =~Lever
Zoho | zoho
Monday.com | monday.com
Miro | =Miro
Canva | =Canva
BrowserStack | browserstack
Charles Proxy | charles proxy
Wireshark | wireshark
Burp Suite | burp suite
Metasploit | metasploit
Nmap | nmap
Kali Linux | kali linux
`;

const domain = `
Agile | agile, agile development, agile methodologies, agile methodology, agile software development, agile methods, agile practices, agile environment, agile principles, agil, agilidad, agilité, agile projektmanagement
Scrum | scrum
Kanban | kanban
SAFe | =SAFe, scaled agile
Lean | =Lean, lean management
DevOps | devops, dev ops, devsecops
Site reliability engineering | sre, site reliability engineering, site reliability
MLOps | mlops
Machine learning | machine learning, ml, aprendizaje automático, apprentissage automatique, maschinelles lernen
Deep learning | deep learning, neural networks, neural network
Artificial intelligence | artificial intelligence, ai, inteligencia artificial, intelligence artificielle, künstliche intelligenz, ki
Natural language processing | natural language processing, nlp
Computer vision | computer vision
Data science | data science, ciencia de datos, science des données
Data analysis | data analysis, data analytics, analytics, data & analytics, análisis de datos, analyse de données, datenanalyse
Business intelligence | business intelligence, bi
Data engineering | data engineering
Data governance | data governance, data quality, data management
Statistics | statistics, statistical analysis, statistical modelling, statistical modeling, estadística, statistiques, statistik
Mathematics | mathematics, maths, math, applied mathematics, matemáticas, mathématiques, mathematik
Physics | physics, física, physique, physik, condensed matter physics
Chemistry | chemistry, química, chimie, chemie, biochemistry, organic chemistry
Biology | biology, biología, biologie, molecular biology, cell biology
Bioinformatics | bioinformatics, computational biology
Biotechnology | biotechnology, biotech
Genomics | genomics, genetics, proteomics
Life sciences | life sciences, life science
Pharmaceuticals | pharmaceuticals, pharmaceutical industry, pharma
Medical devices | medical devices, medical device
Healthcare | healthcare, health care, healthtech, public health
Computer science | computer science, informatics, ciencias de la computación, informática, informatique, informatik
Information technology | information technology, it
Software development | software development, software engineering, software development / engineering, desarrollo de software, développement logiciel, softwareentwicklung
Software development lifecycle | software development lifecycle, software development life cycle, sdlc
Engineering | engineering, ingeniería, ingénierie
Electrical engineering | electrical engineering, electronics, electronic engineering, power electronics
Mechanical engineering | mechanical engineering
Civil engineering | civil engineering, structural engineering
Chemical engineering | chemical engineering
Industrial engineering | industrial engineering
Systems engineering | systems engineering
Robotics | robotics, robótica, robotique, robotik
Automation | automation, automatización, automatisation, automatisierung, industrial automation
Cybersecurity | cybersecurity, cyber security, information security, infosec, it security, security, network security, application security, cloud security, ciberseguridad, cybersécurité, it-sicherheit
Penetration testing | penetration testing, pentesting, ethical hacking
Quality assurance | quality assurance, qa, quality control, software testing
Testing | testing, test, tests
Monitoring | monitoring, observability, logging
UX design | ux, user experience, user-experience, ux design, ux/ui, ui/ux
UI design | ui, user interface, user-interface, ui design, interaction design
Graphic design | graphic design, visual design
Product management | product management, product owner, product ownership
Project management | project management, gestión de proyectos, gestion de projet, projektmanagement
Program management | program management, programme management
Change management | change management
Business analysis | business analysis, requirements analysis, requirements engineering
Business development | business development
Stakeholder management | stakeholder management
Risk management | risk management, gestión de riesgos, gestion des risques, risikomanagement
Compliance | compliance, regulatory compliance, cumplimiento normativo, conformité
Data protection | gdpr, data protection, privacy, rgpd, dsgvo
Supply chain management | supply chain, supply chain management, logistics, procurement, logística, logistique, logistik
Operations management | operations management
Finance | finance, corporate finance, finanzas, finances, finanzen
Financial services | financial services, banking, fintech, financial technology, investment banking, insurance, insurtech, capital markets, trading
Accounting | accounting, bookkeeping, contabilidad, comptabilité, buchhaltung, rechnungswesen
Auditing | auditing, audit
Tax | taxation, tax law, tax accounting
Economics | economics, economía, économie, volkswirtschaft
Business administration | business administration, management, administración de empresas, gestion d'entreprise, betriebswirtschaft, betriebswirtschaftslehre, bwl
Marketing | marketing, digital marketing, online marketing, performance marketing, content marketing, growth marketing, mercadotecnia
SEO | seo, sem, search engine optimization
Social media | social media, social media marketing
E-commerce | e-commerce, ecommerce, e commerce, online retail, comercio electrónico
Retail | retail
Sales | sales, b2b sales, inside sales, ventas, vertrieb
B2B | b2b, business to business
B2C | b2c
SaaS | saas, software as a service, paas, iaas
Enterprise software | enterprise software
CRM | crm, customer relationship management
ERP | erp, enterprise resource planning
Consulting | consulting, it consulting, technology consulting, management consulting, consultoría, conseil, beratung
Customer success | customer success
Human resources | human resources, hr, recruiting, recruitment, talent acquisition, recursos humanos, ressources humaines, personalwesen
Legal | law, legal, derecho, droit, jura, rechtswissenschaft
Education | education, teaching, pedagogy, e-learning, edtech
Gaming | gaming, game development, video games, games industry, gamedev
Media | media, publishing, journalism, television, broadcasting
Telecommunications | telecommunications, telecom, telco, telecoms
Energy | energy, renewable energy, renewables, wind energy, wind power, solar energy, oil and gas
Automotive | automotive, automotive industry, autonomous driving
Aerospace | aerospace, aviation, avionics
Manufacturing | manufacturing, production planning, lean manufacturing
Construction | construction industry
Real estate | real estate, proptech
Transportation | transportation, mobility
Hospitality | hospitality, tourism, travel industry
Agriculture | agriculture, agritech, food industry, dairy industry
Nonprofit | nonprofit, non-profit, charity, ngo
Public sector | public sector, government
Medicine | medicine, clinical research, clinical trials, nursing, neuroscience, oncology, immunology
Psychology | psychology, cognitive science
Research | academic research
Technical writing | technical writing, documentation
Code review | code review, code reviews
Pair programming | pair programming
Clean code | clean code, solid principles
Configuration management | configuration management
Release management | release management
Incident management | incident management, on-call
ITIL | itil
IT service management | it service management, itsm, service management
Technical support | technical support, it support, helpdesk, help desk
Capacity management | capacity management
Operating systems | operating systems
Computer graphics | computer graphics, 3d graphics
Signal processing | signal processing, digital signal processing, dsp, image processing
Control systems | control systems, control engineering, control theory
Simulation | simulation, modelling and simulation, numerical simulation
Digital transformation | digital transformation
Open source | open source, open-source
Computer hardware | hardware
`;

const degree = `
Degree | degree, university degree, academic degree, college degree, higher education, título universitario, titulación universitaria, diplôme, hochschulabschluss, studienabschluss, abgeschlossenes studium, universitätsabschluss
Bachelor's degree | bachelor, bachelors, bachelor's degree, bachelor degree, =BS, =BSc, b.sc, =B.S, =BA, =B.A, b.a, b.s, =BEng, b.eng, =BTech, =B.Tech, =B.E, undergraduate degree, grado universitario, título de grado, licenciatura, licence universitaire, =bac+3, bachelorabschluss, bs/ba, bsc/msc
Master's degree | =Master, =Masters, master's degree, master degree, =MS, =MSc, m.sc, m.s, =MEng, m.eng, =MTech, =M.Tech, =M.A, graduate degree, máster, maestría, =bac+5, diplôme d'ingénieur, masterabschluss, =Diplom, ms/phd
MBA | =MBA, master of business administration
PhD | phd, ph.d, ph. d, doctorate, doctoral degree, doctorado, doctorat
High school diploma | high school diploma, high school, ged, bachillerato, baccalauréat, abitur
Vocational training | vocational training, apprenticeship, formación profesional, ausbildung, berufsausbildung
Associate degree | associate degree, associate's degree
Cand.merc | cand.merc, cand. merc, cand.polit, cand.oecon, cand.scient, cand.it
`;

const certification = `
AWS Certified | aws certified, aws certification, aws certified solutions architect, aws solutions architect, aws certified developer, aws certified devops engineer
Azure certification | azure certification, az-900, az-104, az-204, az-305, az-400, azure fundamentals, azure administrator, azure solutions architect
Google Cloud certification | google cloud certified, professional cloud architect
Certified Kubernetes Administrator | cka, certified kubernetes administrator
Certified Kubernetes Application Developer | ckad, certified kubernetes application developer
Docker Certified Associate | dca, docker certified associate
PMP | pmp, project management professional
PRINCE2 | prince2
Certified ScrumMaster | csm, certified scrummaster, certified scrum master, psm, professional scrum master, scrum master certification
CISSP | cissp
CISA | cisa
CISM | cism
CEH | =CEH, certified ethical hacker
OSCP | oscp
CompTIA Security+ | security+, comptia security+, comptia
CCNA | ccna
CCNP | ccnp
CCIE | ccie
RHCE | rhce, rhcsa
LPIC | lpic
MCSE | mcse, mcsa, mcp
ITIL certification | itil foundation, itil certification, itil v3, itil v4
ISTQB | istqb
TOGAF | togaf
Six Sigma | six sigma, lean six sigma, green belt, black belt
CPA | =CPA, certified public accountant
CFA | =CFA, chartered financial analyst
ACCA | acca
Security clearance | security clearance, sc clearance, dv clearance
Driving licence | driving licence, driver's license, drivers license, driving license, carnet de conducir, permis b, permis de conduire, führerschein
`;

const spokenLanguage = `
English | english, inglés, anglais, englisch
German | german, alemán, allemand, deutsch
French | french, francés, français, französisch
Spanish | spanish, español, castellano, espagnol, spanisch
Italian | italian, italiano, italien, italienisch
Portuguese | portuguese, portugués, portugais, portugiesisch
Dutch | dutch, neerlandés, néerlandais, niederländisch, flemish
Danish | danish, danés, danois, dänisch
Swedish | swedish, sueco, suédois, schwedisch
Norwegian | norwegian, noruego, norvégien, norwegisch
Finnish | finnish, finlandés, finnois, finnisch
Polish | =Polish, polaco, polonais, polnisch
Czech | czech, checo, tchèque, tschechisch
Russian | russian, ruso, russe, russisch
Ukrainian | ukrainian, ucraniano, ukrainien, ukrainisch
Greek | =Greek, griego, grec, griechisch
Turkish | turkish, turco, turc, türkisch
Arabic | arabic, árabe, arabe, arabisch
Hebrew | hebrew, hebreo, hébreu, hebräisch
Hindi | hindi
Chinese | chinese, mandarin, cantonese, chino, mandarín, chinois, chinesisch
Japanese | japanese, japonés, japonais, japanisch
Korean | korean, coreano, coréen, koreanisch
Romanian | romanian, rumano, roumain, rumänisch
Hungarian | hungarian, húngaro, hongrois, ungarisch
Catalan | catalan, catalán, català, katalanisch
Scandinavian languages | scandinavian language, scandinavian languages, nordic language, nordic languages
`;

const softSkill = `
Communication | communication, communication skills, communicate, comunicación, habilidades de comunicación, communication écrite et orale, kommunikationsfähigkeit, kommunikationsstärke, kommunikation
Teamwork | teamwork, team player, collaboration, collaborative, trabajo en equipo, travail en équipe, esprit d'équipe, teamfähigkeit, teamgeist, teamarbeit
Leadership | leadership, people management, team leadership, liderazgo, führungskompetenz, führungserfahrung, mitarbeiterführung
Problem solving | problem solving, problem-solving, resolución de problemas, résolution de problèmes, problemlösung, lösungsorientiert
Analytical thinking | analytical skills, analytical thinking, analytical mindset, critical thinking, pensamiento analítico, capacidad analítica, esprit d'analyse, analytisches denken
Attention to detail | attention to detail, detail-oriented, detail oriented, rigour, rigor, rigueur, atención al detalle, sorgfalt
Time management | time management, prioritization, organisational skills, organizational skills, gestión del tiempo, organisation, organisationstalent
Adaptability | adaptability, flexibility, adaptabilidad, flexibilidad, adaptabilité, flexibilität
Creativity | creativity, creative thinking, creatividad, créativité, kreativität
Self-motivation | self-motivated, self-starter, proactive, proactivity, initiative, ownership, autonomy, proactividad, autonomía, autonomie, eigeninitiative, selbstständigkeit
Interpersonal skills | interpersonal skills, people skills, empathy, emotional intelligence, habilidades interpersonales
Presentation skills | presentation skills, public speaking, presenting
Negotiation | negotiation, negotiation skills, negociación, négociation, verhandlungsgeschick
Mentoring | mentoring, coaching, mentorship
Conflict resolution | conflict resolution
Decision making | decision making, decision-making
Customer orientation | customer focus, customer orientation, customer-oriented, orientación al cliente, kundenorientierung
Curiosity | curiosity, eagerness to learn, willingness to learn, continuous learning
Resilience | resilience, stress resistance, belastbarkeit
Reliability | reliability, zuverlässigkeit, fiabilidad
Work ethic | work ethic, integrity
Multitasking | multitasking, multi-tasking
Planning | planning, planificación, planification, planung
`;

export interface CuratedSkill {
  name: string;
  kind: SkillKind;
  /** Surface forms with their flags; see taxonomy/index.ts. */
  surfaces: string[];
}

function parse(kind: SkillKind, block: string): CuratedSkill[] {
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, rest] = line.split(' | ') as [string, string | undefined];
      const surfaces = rest ? rest.split(', ').map((s) => s.trim()).filter(Boolean) : [];
      const plain = (s: string) => s.replace(/^[=~]+/, '').toLowerCase();
      if (!surfaces.some((s) => plain(s) === name.toLowerCase())) surfaces.unshift(name);
      return { name: name.trim(), kind, surfaces };
    });
}

export const CURATED: CuratedSkill[] = [
  ...parse('technology', technology),
  ...parse('tool', tool),
  ...parse('domain', domain),
  ...parse('degree', degree),
  ...parse('certification', certification),
  ...parse('spoken_language', spokenLanguage),
  ...parse('soft_skill', softSkill),
];

/**
 * Words that ESCO or O*NET list as a skill or a synonym but that, alone, are ordinary words in
 * postings ("communication" is curated as a soft skill; "go", "lead", "excel" are verbs).
 */
export const NEVER_ALONE = new Set([
  'go', 'lead', 'excel', 'word', 'access', 'project', 'teams', 'office', 'outlook', 'notes', 'dynamics', 'visual',
  'react', 'swift', 'rust', 'ruby', 'spring', 'express', 'chef', 'puppet', 'salt', 'flow', 'dart', 'julia', 'unity',
  'ant', 'gin', 'sketch', 'lever', 'greenhouse', 'notion', 'maya', 'vault', 'consul', 'packer', 'nexus', 'search',
  'management', 'development', 'design', 'planning', 'support', 'service', 'services', 'research', 'analysis',
  'languages', 'language', 'data', 'business', 'work', 'team', 'sales', 'time', 'people', 'training', 'quality',
  'process', 'processes', 'operations', 'administration', 'coordination', 'safety', 'health', 'care', 'writing',
  'reading', 'speaking', 'listening', 'learning', 'teaching', 'tools', 'technology', 'technologies', 'systems', 'system',
  'methods', 'principles', 'techniques', 'practices', 'standards', 'products', 'product', 'customer', 'clients',
  'client', 'communication', 'documentation', 'maintenance', 'implementation', 'integration', 'installation',
  'production', 'performance', 'scale', 'security', 'mobile', 'web', 'online', 'digital', 'software', 'hardware',
  'computer', 'computers', 'internet', 'email', 'e-mail', 'phone', 'telephone', 'english', 'mathematics',
  'presentation', 'presentations', 'reporting', 'reports', 'budget', 'budgets', 'contracts', 'negotiation',
  'etc', 'basic', 'profile', 'google', 'facebook', 'linkedin', 'twitter', 'instagram', 'youtube', 'tiktok', 'whatsapp',
]);
