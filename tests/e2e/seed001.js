// The meeting of seed 001 (/work/shared/seeds/001_*.txt): the
// extraordinary meeting of Det Administrative Kontaktforum on 23-06-2022,
// 14:30-15:30, virtual. The browser journey re-creates it through the
// forms and checks that the minutes PDF reads like the original. Texts
// are the seed's own (first paragraphs of each section).
'use strict';

module.exports = {
  body: {
    name: 'Det Administrative Kontaktforum',
    short_name: 'DAK',
  },
  meeting: {
    kind: 'extraordinary',
    date: '2022-06-23',
    start: '14:30',
    end: '15:30',
    place: 'Virtuelt',
  },
  items: [
    {
      title: 'Godkendelse af ny organisering med sundhedsklynger',
      case_number: '22/17744',
      kind: 'approval',
      summary: 'Den 9. juni 2022 blev forslag til lov om ændring af sundhedsloven (Etablering af sundhedsklynger og sundhedssamarbejdsudvalg m.v.) vedtaget. Loven træder i kraft den 1. juli 2022 (se bilag 1).',
      presentation: '#### Baggrund\n\nI løbet af foråret har Det Administrative Kontaktforum drøftet, hvordan forummet ser den kommende tværsektorielle administrative organisering under det nye Sundhedssamarbejdsudvalg og de nye sundhedsklynger.\n\nEfter de seneste drøftelser på mødet i Det Administrative Kontaktforum den 19. maj 2022 er notatet nu klar til endelig godkendelse.',
      recommended_by: 'Koordinationsgruppen indstiller, at Det Administrative Kontaktforum',
      resolutions: 'Godkender Organisering under Sundhedssamarbejdsudvalg og sundhedsklynger (bilag 2)',
      attachments: ['bilag-lov.pdf', 'bilag-notat.pdf'],
      outcome: 'approved_changed',
      decision: 'Det Administrative Kontaktforum godkendte organiseringen under Sundhedssamarbejdsudvalget og sundhedsklynger, herunder at det nye administrative udvalg under Sundhedssamarbejdsudvalget får navnet "Strategisk Sundhedsstyregruppe".',
    },
    {
      title: 'Drøftelse af skitserede forslag til sagsflows',
      case_number: '22/17744',
      kind: 'discussion',
      summary: '',
      presentation: 'I forlængelse af drøftelserne på mødet i Det Administrative Kontaktforum den 19. maj 2022 er der brug for at drøfte og afklare, hvordan sager, der skal drøftes på forskellige niveauer i den nye organisering, skal komme fra et niveau til et andet.',
      recommended_by: 'Koordinationsgruppen indstiller, at Det Administrative Kontaktforum',
      resolutions: 'Drøfter modeller for sagsflow mellem Sundhedssamarbejdsudvalget, Sundhedsstrategisk Styregruppe og klyngerne.',
      outcome: 'discussed',
      decision: 'Det Administrative Kontaktforum drøftede de vedlagte eksempler på sagsflows. Der var enighed om, at det er vigtigt at have for øje, at vi ikke får lavet et system, hvor der går for lang tid, før indsatserne bliver implementeret.',
    },
    {
      title: 'Godkendelse af generiske kommissorier for det politiske- og fagligt strategiske niveau i de syddanske sundhedsklynger',
      case_number: '22/17744',
      kind: 'approval',
      summary: '',
      presentation: 'På mødet i Det Administrative Kontaktforum d. 19. maj 2022 blev det besluttet, at der skal udarbejdes generiske kommissorier for det politiske niveau og det fagligt strategiske niveau i sundhedsklyngerne.',
      recommended_by: 'Koordinationsgruppen indstiller, at Det Administrative Kontaktforum',
      resolutions: 'Godkender de generiske kommissorier for det politiske niveau og det fagligt strategiske niveau i de syddanske sundhedsklynger',
      outcome: 'approved_changed',
      decision: 'Det Administrative Kontaktforum var enige om, at beslutninger, der indebærer økonomiske konsekvenser for regionen eller de enkelte kommuner ikke kan træffes i klyngerne, men skal godkendes lokalt i Regionsrådet og de enkelte byråd.',
    },
    {
      title: 'Godkendelse af notat om sekretariatsbetjening af det politiske- og fagligt strategiske niveau i de syddanske sundhedsklynger',
      case_number: '22/17744',
      kind: 'approval',
      summary: 'Koordinationsgruppen har udarbejdet et forslag til organisering af sekretariatsbetjeningen af sundhedsklyngerne i forhold til såvel det politiske niveau som det fagligt strategiske niveau.',
      presentation: 'Det foreslås, at der etableres et klyngesekretariat omkring hver sundhedsklynge, som består af konsulenter fra regionshuset (Tværsektorielt Samarbejde), psykiatrisygehuset, det somatiske sygehus i klyngen samt de deltagende kommuner i den pågældende sundhedsklynge.',
      recommended_by: 'Koordinationsgruppen indstiller, at Det Administrative Kontaktforum',
      resolutions: 'Drøfter og godkender vedlagte notat vedr. sekretariatsbetjening af klyngerne.',
      outcome: 'approved_changed',
      decision: 'Det Administrative Kontaktforum godkendte notatet om sekretariatsbetjening af sundhedsklyngerne.',
    },
    {
      title: 'Eventuelt',
      case_number: '',
      kind: 'aob',
      summary: 'Idet Det Administrative Kontaktforum pr. 30. juni 2022 nedlægges og erstattes af et nyt administrativt organ pr. 1. juli 2022, er dette det sidste møde.',
      presentation: '',
      recommended_by: '',
      resolutions: '',
      outcome: 'noted',
      decision: 'Dette var sidste møde i Det Administrative Kontaktforum, og der blev takket for godt samarbejde indtil nu.',
    },
  ],
};
