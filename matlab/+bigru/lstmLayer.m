function layer = lstmLayer(varargin)
%LSTMLAYER  An LSTM layer reading the sequence forward (one direction).
%   layer = bigru.lstmLayer(numHiddenUnits, Name, Value, ...)
%   'OutputMode'  'sequence' (default: every time step) or 'last' (the final state)
%   'Name'        layer name
%   The cell is MATLAB's (and PyTorch's): gates i, f, g, o, with sigmoid gates, tanh state activations, zero
%   initial states and MATLAB's initializers ('glorot' input weights, 'orthogonal' recurrent weights,
%   'unit-forget-gate' biases). MATLAB's options for changing those are refused by name.
layer = bigru.internal.lstm('lstmLayer', varargin);
end
