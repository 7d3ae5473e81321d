function layer = bigruLayer(varargin)
%BIGRULAYER  A bidirectional GRU layer: a forward and a backward GRU, their outputs joined.
%   layer = bigru.bigruLayer(numHiddenUnits, Name, Value, ...)
%   'OutputMode'     'sequence' (default: every time step) or 'last' (the final state of each direction)
%   'ResetGateMode'  'after-multiplication' (default, MATLAB's), 'recurrent-bias-after-multiplication'
%                    (PyTorch, Keras reset_after=true) or 'before-multiplication' (Keras reset_after=false)
%   'MergeMode'      how the directions are joined: 'concat' (default, 2*numHiddenUnits outputs), 'sum',
%                    'ave' or 'mul'
%   'Name'           layer name
layer = bigru.internal.arguments('bigruLayer', varargin);
end
