function layer = bilstmLayer(varargin)
%BILSTMLAYER  A bidirectional LSTM layer: a forward and a backward LSTM, their outputs concatenated
%   (2*numHiddenUnits outputs).
%   layer = bigru.bilstmLayer(numHiddenUnits, Name, Value, ...)
%   'OutputMode'  'sequence' (default: every time step) or 'last' (the final state of each direction)
%   'Name'        layer name
%   The cell is lstmLayer's (see help bigru.lstmLayer); MATLAB's options for changing it are refused by name.
layer = bigru.internal.lstm('bilstmLayer', varargin);
end
