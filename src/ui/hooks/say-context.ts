import {createContext, useContext} from 'react';

/** The status line, for a component deep in a panel that has something to say (a paste it cut short). */
const SayContext = createContext<(text: string) => void>(() => {});

export const SayProvider = SayContext.Provider;
export const useSay = () => useContext(SayContext);
